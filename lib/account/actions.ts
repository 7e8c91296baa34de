'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { findUserById } from '@/db/users';
import { signOut } from '@/lib/auth/auth';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPassword, passwordVars } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/http/client-ip';
import { formAction, type RunResult } from '@/lib/http/form-action';
import { localizeError } from '@/lib/http/form-errors';
import { changeName, changePassword, deleteAccount, endOneSession, endOthers } from './profile';
import { requestPasswordReset, resetPassword } from './password-reset';
import { confirmEmailSchema, deleteAccountSchema, emailChangeSchema, endSessionSchema, forgotSchema, passwordChangeSchema, plainSchema, profileSchema, resetSchema } from './schemas';
import { confirmEmail, sendEmailChange, sendVerification } from './verification';

/** "Forgot your password?": the same answer whether or not the address has an account. */
export const requestResetAction = formAction({
  schema: forgotSchema,
  async run({ email }, { locale, t }) {
    await requestPasswordReset({ email, ip: clientIp(await headers()), locale });
    return { status: 'success', message: t('account.resetSent', { email }) };
  },
});

export const resetPasswordAction = formAction({
  schema: resetSchema,
  async run({ token, password }, { locale, t }) {
    const outcome = await resetPassword({ token, password });
    if (outcome.status === 'invalid') return { status: 'error', message: t('account.linkInvalid') };
    if (outcome.status === 'weak') return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { password: localizeError(outcome.problem, t, passwordVars) } };
    redirect(`/${locale}/login?reset=1`);
  },
});

export const confirmEmailAction = formAction({
  schema: confirmEmailSchema,
  async run({ token }, { locale }) {
    redirect(`/${locale}/verify-email?done=${await confirmEmail(token)}`);
  },
});

export const resendVerificationAction = formAction({
  schema: plainSchema,
  role: 'learner',
  async run(_input, { user, locale, t }) {
    const sent = await sendVerification(user!, locale);
    return sent ? { status: 'success', message: t('account.verificationSent', { email: user!.email }) } : { status: 'error', message: localizeError('tooManyAttempts', t, { minutes: 60 }) };
  },
});

export const updateProfileAction = formAction({
  schema: profileSchema,
  role: 'learner',
  async run({ name, language }, { user, locale, t }) {
    await changeName(user!.id, name, language);
    revalidatePath(`/${locale}/me/account`);
    return { status: 'success', message: t('account.saved'), values: { name, language } };
  },
});

/** A new address is used once the link sent to it is opened; the answer never says whether another account has it. */
export const changeEmailAction = formAction({
  schema: emailChangeSchema,
  role: 'learner',
  async run({ email, currentPassword }, { user, locale, t }) {
    const me = (await findUserById({ id: user!.id }))!;
    if (!(await verifyPassword(currentPassword, me.passwordHash))) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { currentPassword: localizeError('invalidPassword', t) } };
    if (email !== me.email && !(await sendEmailChange(me, email, locale))) return { status: 'error', message: localizeError('tooManyAttempts', t, { minutes: 60 }) };
    return { status: 'success', message: t('account.emailChangeSent', { email }) };
  },
});

export const changePasswordAction = formAction({
  schema: passwordChangeSchema,
  role: 'learner',
  async run({ currentPassword, password }, { user, t }): Promise<RunResult> {
    const me = (await findUserById({ id: user!.id }))!;
    if (!(await verifyPassword(currentPassword, me.passwordHash))) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { currentPassword: localizeError('invalidPassword', t) } };
    const problem = checkPassword(password, me.email);
    if (problem) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { password: localizeError(problem, t, passwordVars) } };
    await changePassword(me.id, await hashPassword(password), user!.sessionId);
    return { status: 'success', message: t('account.passwordChanged') };
  },
});

export const endSessionAction = formAction({
  schema: endSessionSchema,
  role: 'learner',
  async run({ session }, { user, locale, t }) {
    if (!(await endOneSession(user!.id, session))) return { status: 'error', message: localizeError('notFound', t) };
    revalidatePath(`/${locale}/me/account`);
    return { status: 'success', message: t('account.sessionEnded') };
  },
});

export const endOtherSessionsAction = formAction({
  schema: plainSchema,
  role: 'learner',
  async run(_input, { user, locale, t }) {
    const ended = await endOthers(user!.id, user!.sessionId);
    revalidatePath(`/${locale}/me/account`);
    return { status: 'success', message: t('account.othersEnded', { count: ended }) };
  },
});

/** Deletes the account (password required); certificates already issued still verify. */
export const deleteAccountAction = formAction({
  schema: deleteAccountSchema,
  role: 'learner',
  async run({ currentPassword }, { user, locale, t }) {
    const me = (await findUserById({ id: user!.id }))!;
    if (!(await verifyPassword(currentPassword, me.passwordHash))) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { currentPassword: localizeError('invalidPassword', t) } };
    await deleteAccount(me);
    await signOut({ redirectTo: `/${locale}?deleted=1` });
  },
});
