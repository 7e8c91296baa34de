'use server';

import { randomUUID } from 'node:crypto';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { insertUser } from '@/db/users';
import { formAction, type RunResult } from '@/lib/http/form-action';
import { localizeError } from '@/lib/http/form-errors';
import { safeLocalPath } from '@/lib/http/safe-redirect';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { signIn, signOut } from './auth';
import { hashPassword } from './password';
import { checkPassword, passwordVars } from './password-policy';
import { registerSchema, signInSchema } from './schemas';

const next = z.string().optional();

/** Maps Auth.js's sign-in failure to the form's message, rethrowing anything else (redirects too). */
function signInFailure(error: unknown, t: Translate): RunResult {
  if (error instanceof CredentialsSignin) {
    const throttled = /^throttled-(\d+)$/.exec(error.code);
    const message = throttled
      ? localizeError('tooManyAttempts', t, { minutes: throttled[1]! })
      : localizeError('invalidCredentials', t);
    return { status: 'error', message };
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
 * when anything is refused (a taken e-mail, a weak password): it goes only to
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
    const now = new Date();
    const created = insertUser({
      user: { id: randomUUID(), email, name, passwordHash: await hashPassword(password), role: 'learner', locale, createdAt: now, updatedAt: now },
    });
    if (!created) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { email: localizeError('emailTaken', t) } };
    try {
      await signIn('credentials', { email, password, redirectTo: safeLocalPath(next, `/${locale}`) });
    } catch (error) {
      return signInFailure(error, t);
    }
  },
});

/** Ends this session (the sessions row is revoked in Auth.js's signOut event). */
export async function signOutAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  await signOut({ redirectTo: `/${isLocale(locale) ? locale : defaultLocale}` });
}
