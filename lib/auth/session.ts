import 'server-only';
import { cache } from 'react';
import { touchSession } from '@/db/accounts';
import { findLiveSessionUser, type SessionUser } from '@/db/sessions';
import { auth } from './auth';

export type CurrentUser = SessionUser;

/**
 * The signed-in user, checked against the sessions table on every request so
 * that sign-out and role changes take effect at once. Once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  const now = new Date();
  const user = findLiveSessionUser({ sessionId: session.sessionId, now });
  // "Last active" on the account page, written at most every few minutes (the read above tells when it is due).
  if (user && (!user.lastSeenAt || now.getTime() - user.lastSeenAt.getTime() > lastSeenEveryMs)) touchSession({ sessionId: user.sessionId, now, everyMs: lastSeenEveryMs });
  return user ?? null;
});

const lastSeenEveryMs = 5 * 60_000;
