import 'server-only';
import { randomUUID } from 'node:crypto';
import { insertSession } from '@/db/sessions';
import { findUserByEmail } from '@/db/users';
import { hashForUnknownUser, verifyPassword } from './password';
import { signInSchema } from './schemas';
import { recordSignInFailure, recordSignInSuccess, signInBlocked } from './throttle';

export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionId: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks an e-mail and password: throttled per account and per address, the
 * same answer and the same work whether or not the e-mail exists. On success
 * it opens a session row, whose id the JWT carries.
 */
export async function checkCredentials(raw: unknown, ip: string, now = new Date()): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const blocked = signInBlocked(email, ip, now);
  if (blocked.limited) return { ok: false, reason: 'throttled', retryAfterMs: blocked.retryAfterMs };

  const user = findUserByEmail({ email });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !matches) {
    recordSignInFailure(email, ip, now);
    return { ok: false, reason: 'invalid' };
  }
  recordSignInSuccess(email);
  const sessionId = randomUUID();
  insertSession({
    session: { id: sessionId, userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds * 1000) },
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId } };
}
