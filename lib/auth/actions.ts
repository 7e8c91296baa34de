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

export const registerAction = formAction({
  schema: registerSchema.extend({ next }),
  secret: ['password'],
  async run({ name, email, password, next }, { locale, t }) {
    const problem = checkPassword(password, email);
    if (problem) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { password: localizeError(problem, t, passwordVars) } };
    const now = new Date();
    const created = insertUser({
      user: { id: randomUUID(), email, name, passwordHash: await hashPassword(password), role: 'learner', createdAt: now, updatedAt: now },
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
