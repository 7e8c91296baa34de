import 'server-only';
import { cache } from 'react';
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
  return findLiveSessionUser({ sessionId: session.sessionId, now: new Date() }) ?? null;
});
