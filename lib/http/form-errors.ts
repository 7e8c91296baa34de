import type { z } from 'zod';
import { passwordMaxLength, passwordMinLength } from '@/lib/auth/password-policy';
import { nameMaxLength } from '@/lib/auth/schemas';
import { reportErrorVars } from '@/lib/reports/validation';
import type { MessageKey, MessageVars, Translate } from '@/lib/i18n/messages';

// Schemas name an `errors.*` key as their message; these are the numbers the texts quote.
const varsByKey: Record<string, MessageVars> = {
  passwordTooShort: { min: passwordMinLength },
  passwordTooLong: { max: passwordMaxLength },
  nameTooLong: { max: nameMaxLength },
  ...reportErrorVars,
};

export type FieldErrors = Record<string, string>;

export function localizeError(key: string, t: Translate, vars?: MessageVars): string {
  const messageKey = (key.startsWith('errors.') ? key : `errors.${key}`) as MessageKey;
  const text = t(messageKey, vars ?? varsByKey[key]);
  return text === messageKey ? t('errors.badRequest') : text;
}

/** The first problem of each field, in the user's language. */
export function fieldErrorsOf(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= localizeError(issue.message, t);
  }
  return errors;
}
