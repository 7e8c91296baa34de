import 'server-only';
import { changeEmail, markEmailVerified } from '@/db/accounts';
import { findUserByEmail, findUserById } from '@/db/users';
import { sendMail } from '@/lib/mail';
import { consumeLimit, type Limit } from '@/lib/security/rate-limit';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { absoluteLink } from './links';
import { issueToken, tokenLifetimeMs, redeemToken } from './tokens';

const hours = tokenLifetimeMs.verifyEmail / 3_600_000;

/** At most a few verification e-mails per account per hour, whoever asks. */
export const verificationSendLimit = (userId: string): Limit => ({ key: `verify-send:${userId}`, max: 3, windowMs: 3_600_000 });

/** Sends the link that proves `user.email` is theirs. False when the account asked too often (nothing sent). */
export async function sendVerification(user: { id: string; name: string; email: string }, locale: Locale, now = new Date()): Promise<boolean> {
  if ((await consumeLimit(verificationSendLimit(user.id), now)).limited) return false;
  const token = await issueToken({ userId: user.id, purpose: 'verifyEmail', email: user.email, now });
  await sendMail('verifyEmail', user.email, locale, { name: user.name, link: absoluteLink(locale, 'verify-email', token), hours }, now);
  return true;
}

/** Sends the link that moves the account to `newEmail` once opened (the account keeps its address until then). */
export async function sendEmailChange(user: { id: string; name: string }, newEmail: string, locale: Locale, now = new Date()): Promise<boolean> {
  if ((await consumeLimit(verificationSendLimit(user.id), now)).limited) return false;
  const token = await issueToken({ userId: user.id, purpose: 'verifyEmail', email: newEmail, now });
  await sendMail('changeEmail', newEmail, locale, { name: user.name, link: absoluteLink(locale, 'verify-email', token), hours }, now);
  return true;
}

export const emailConfirmations = ['verified', 'changed', 'taken', 'invalid'] as const;
/** At most two "you already have an account" e-mails a day to one address, however often strangers try it. */
export const accountExistsLimit = (email: string): Limit => ({ key: `account-exists:${email}`, max: 2, windowMs: 24 * 3_600_000 });

/**
 * Someone signed up with an address that has an account: its owner is told
 * (with the way to sign in or reset the password), the visitor is not.
 */
export async function warnAccountExists(email: string, locale: Locale, now = new Date()): Promise<void> {
  const owner = await findUserByEmail({ email });
  if (!owner || (await consumeLimit(accountExistsLimit(email), now)).limited) return;
  const language = isLocale(owner.locale) ? owner.locale : locale;
  await sendMail('accountExists', owner.email, language, { link: absoluteLink(language, 'login'), secondaryLink: absoluteLink(language, 'forgot-password') }, now);
}

export type EmailConfirmation = (typeof emailConfirmations)[number];

/**
 * Uses a verification link: the address it was sent to is proved. The user's
 * current address becomes verified; a new address replaces the old one, unless
 * another account took it meanwhile.
 */
export async function confirmEmail(token: unknown, now = new Date()): Promise<EmailConfirmation> {
  const used = await redeemToken(token, 'verifyEmail', now);
  const user = used && await findUserById({ id: used.userId });
  if (!used || !user) return 'invalid';
  if (used.email === user.email) return (await markEmailVerified({ userId: user.id, email: used.email, now })) ? 'verified' : 'invalid';
  return (await changeEmail({ userId: user.id, email: used.email, now })) ? 'changed' : 'taken';
}
