import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { touchSession } from '@/db/accounts';
import { findLiveSessionUser, type SessionUser } from '@/db/sessions';
import { auth } from './auth';
import { VerifiedTokens } from './verified-tokens';

export type CurrentUser = SessionUser;

// Auth.js's cookie: the __Secure- name over HTTPS (behind a proxy that says so), the plain one otherwise.
const sessionCookieNames = ['__Secure-authjs.session-token', 'authjs.session-token'];
const verified = new VerifiedTokens();
const lastSeenEveryMs = 5 * 60_000;

/** Which session the request's cookie names: from memory when this cookie was decrypted before, else through Auth.js. */
async function sessionIdOfRequest(now: number): Promise<string | undefined> {
  const jar = await cookies();
  const token = sessionCookieNames.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return undefined;
  const known = verified.get(token, now);
  if (known) return known;
  const session = await auth();
  if (!session?.sessionId) return undefined;
  verified.remember(token, session.sessionId, now, Date.parse(session.expires));
  return session.sessionId;
}

/**
 * The signed-in user, checked against the sessions table on every request so
 * that sign-out, "sign out everywhere", a password or role change take effect
 * at once, in every process. Once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const now = new Date();
  const sessionId = await sessionIdOfRequest(now.getTime());
  if (!sessionId) return null;
  const user = await findLiveSessionUser({ sessionId, now });
  // "Last active" on the account page, written at most every few minutes (the read above tells when it is due).
  if (user && (!user.lastSeenAt || now.getTime() - user.lastSeenAt.getTime() > lastSeenEveryMs)) await touchSession({ sessionId: user.sessionId, now, everyMs: lastSeenEveryMs });
  return user ?? null;
});
