'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { sendVerification, warnAccountExists } from '@/lib/account/verification';
import { clientIp } from '@/lib/http/client-ip';
import { formAction, type RunResult } from '@/lib/http/form-action';
import { localizeError } from '@/lib/http/form-errors';
import { safeLocalPath } from '@/lib/http/safe-redirect';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { minutesUntil } from '@/lib/security/rate-limit';
import { signIn, signOut } from './auth';
import { checkPassword, passwordVars } from './password-policy';
import { registerAccount } from './registration';
import { registerSchema, signInSchema } from './schemas';
import { signInFailureMessage } from './sign-in-failure';

const next = z.string().optional();

/** Maps Auth.js's sign-in failure to the form's message, rethrowing anything else (redirects too). */
function signInFailure(error: unknown, t: Translate): RunResult {
  if (error instanceof CredentialsSignin) {
    // Refused for a limit or a busy server, not for the password: the form keeps it for the next try.
    const retry = /^(throttled|busy)-/.test(error.code);
    return { status: 'error', message: signInFailureMessage(error.code, t), ...(retry && { keepSecrets: true as const }) };
  }
  if (error instanceof AuthError) return { status: 'error', message: localizeError('internal', t) };
  throw error;
}

export const signInAction = formAction({
  schema: signInSchema.extend({ next }),
  secret: ['password'],
  async run({ email, password, next }, { locale, t }) {
    try {
      await signIn('credentials', { email, password, redirectTo: safeLocalPath(next, `/${locale}`) });
    } catch (error) {
      return signInFailure(error, t);
    }
  },
});

/**
 * Sign-up. Unlike sign-in, the password is echoed back with the other fields
 * when anything is refused (a weak password, a limit): it goes only to
 * the person who just typed it, in the answer to their own POST (never stored,
 * logged or cached), so they fix one field instead of retyping two.
 */
export const registerAction = formAction({
  schema: registerSchema.extend({ next }),
  async run({ name, email, password, next }, { locale, t }) {
    const problem = checkPassword(password, email);
    if (problem) {
      const vars = { ...passwordVars, local: email.split('@')[0] ?? '' };
      return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { password: localizeError(problem, t, vars) } };
    }
    const registration = await registerAccount({ name, email, password, locale }, clientIp(await headers()), new Date());
    if (registration.status === 'throttled') return { status: 'error', message: localizeError('registerLimited', t, { minutes: minutesUntil(registration.retryAfterMs) }), keepSecrets: true };
    if (registration.status === 'busy') return { status: 'error', message: localizeError('busy', t, { seconds: registration.retryAfterSeconds }), keepSecrets: true };
    const then = safeLocalPath(next, `/${locale}`);
    // No "e-mail taken" for a stranger to read: a taken address gets the sign-in page, as a new account does when it cannot be signed in at once.
    const signInPage = `/${locale}/login?registered=1&next=${encodeURIComponent(then)}`;
    if (registration.status === 'taken') {
      await warnAccountExists(email, locale);
      redirect(signInPage);
    }
    await sendVerification(registration.user, locale);
    try {
      await signIn('credentials', { email, password, redirectTo: then });
    } catch (error) {
      if (error instanceof CredentialsSignin) redirect(signInPage);
      return signInFailure(error, t);
    }
  },
});

/** Ends this session (the sessions row is revoked in Auth.js's signOut event). */
export async function signOutAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  await signOut({ redirectTo: `/${isLocale(locale) ? locale : defaultLocale}` });
}
