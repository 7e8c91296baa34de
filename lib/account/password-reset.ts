import 'server-only';
import { markEmailVerified, setPassword } from '@/db/accounts';
import { findUserByEmail, findUserById } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword, type PasswordProblem } from '@/lib/auth/password-policy';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n/locales';
import { sendMail } from '@/lib/mail';
import { consumeLimit, minutesUntil, type Limit } from '@/lib/security/rate-limit';
import { absoluteLink } from './links';
import { issueToken, peekToken, tokenLifetimeMs, redeemToken } from './tokens';

/** Requests per address (what anyone can see) and per account (silent: hitting it must not reveal that the account exists). */
export const resetLimits = {
  address: (ip: string): Limit => ({ key: `reset:ip:${ip}`, max: 5, windowMs: 15 * 60_000 }),
  account: (email: string): Limit => ({ key: `reset:account:${email}`, max: 3, windowMs: 3_600_000 }),
};

/**
 * "Forgot your password?": mails a single-use link when the address has an
 * account. The answer is the same either way; only the per-address limit
 * shows (as "too many attempts", whatever the address).
 */
export async function requestPasswordReset({ email, ip, locale, now = new Date() }: { email: string; ip: string; locale: Locale; now?: Date }): Promise<void> {
  const address = await consumeLimit(resetLimits.address(ip), now);
  if (address.limited) throw new AppError('tooManyAttempts', { minutes: minutesUntil(address.retryAfterMs) });
  const user = await findUserByEmail({ email });
  if (!user || (await consumeLimit(resetLimits.account(email), now)).limited) return;
  const token = await issueToken({ userId: user.id, purpose: 'resetPassword', email: user.email, now });
  await sendMail('resetPassword', user.email, (user.locale as Locale | null) ?? locale, { name: user.name, link: absoluteLink(locale, 'reset-password', token), minutes: tokenLifetimeMs.resetPassword / 60_000 }, now);
}

/** Whether a reset link still works (to show the form, or say at once that it does not). */
export async function resetLinkWorks(token: unknown, now = new Date()): Promise<boolean> {
  return (await peekToken(token, 'resetPassword', now)) !== undefined;
}

export type ResetOutcome = { status: 'done'; email: string } | { status: 'invalid' } | { status: 'weak'; problem: PasswordProblem };

/**
 * Sets a new password with a reset link: the same policy as at sign-up, the
 * link works once, and every session of the account ends. Opening the link
 * also proves the address.
 */
export async function resetPassword({ token, password, now = new Date() }: { token: unknown; password: string; now?: Date }): Promise<ResetOutcome> {
  const pending = await peekToken(token, 'resetPassword', now);
  const owner = pending && await findUserById({ id: pending.userId });
  if (!pending || !owner) return { status: 'invalid' };
  const problem = checkPassword(password, owner.email);
  if (problem) return { status: 'weak', problem };
  const passwordHash = await hashPassword(password);
  // Used only now, once the new password is acceptable, and atomically: a second submit finds it used.
  const used = await redeemToken(token, 'resetPassword', now);
  if (!used) return { status: 'invalid' };
  await setPassword({ userId: owner.id, passwordHash, now });
  if (used.email === owner.email) await markEmailVerified({ userId: owner.id, email: owner.email, now });
  return { status: 'done', email: owner.email };
}
