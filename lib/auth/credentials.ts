import 'server-only';
import { randomUUID } from 'node:crypto';
import { insertSession } from '@/db/sessions';
import { findUserByEmail } from '@/db/users';
import { QueueFull } from '@/lib/security/work-queue';
import { hashForUnknownUser } from './password';
import { verifyQueued } from './password-queue';
import { signInSchema } from './schemas';
import { countSignInAttempt, settleSignInAttempt } from './throttle';

export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionId: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }
  | { ok: false; reason: 'busy'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password: the attempt is counted (per account ×
 * address, per account, per address) before the password is hashed, and
 * refused at once when a limit is full; the same answer and the same work
 * whether or not the e-mail exists. On success it opens a session row, whose
 * id the JWT carries.
 */
export async function checkCredentials(raw: unknown, ip: string, now = new Date(), userAgent: string | null = null): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const counted = await countSignInAttempt(email, ip, now);
  if ('retryAfterMs' in counted) return { ok: false, reason: 'throttled', retryAfterMs: counted.retryAfterMs };

  const user = await findUserByEmail({ email });
  let matches: boolean;
  try {
    matches = await verifyQueued(password, user?.passwordHash ?? await hashForUnknownUser());
  } catch (error) {
    await settleSignInAttempt(counted.attempt, 'not-evaluated', now);
    if (error instanceof QueueFull) return { ok: false, reason: 'busy', retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  if (!user || !matches) {
    await settleSignInAttempt(counted.attempt, 'failure', now);
    return { ok: false, reason: 'invalid' };
  }
  await settleSignInAttempt(counted.attempt, 'success', now);
  const sessionId = randomUUID();
  await insertSession({
    session: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds * 1000) },
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId } };
}
