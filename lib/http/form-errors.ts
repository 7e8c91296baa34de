import type { z } from 'zod';
import type { MessageKey, MessageVars, Translate } from '@/lib/i18n/messages';

export type FieldErrors = Record<string, string>;

/** An `errors.*` message in the user's language; an unknown key reads as "the request is not valid". */
export function localizeError(key: string, t: Translate, vars?: MessageVars): string {
  const messageKey = (key.startsWith('errors.') ? key : `errors.${key}`) as MessageKey;
  const text = t(messageKey, vars);
  return text === messageKey ? t('errors.badRequest') : text;
}

/** The numbers a length or size message quotes come from the schema's own check ("at least {min}"). */
function varsOf(issue: z.core.$ZodIssue): MessageVars | undefined {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return undefined;
}

/** The first problem of each field, in the user's language. Schemas name an `errors.*` key as their message. */
export function fieldErrorsOf(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= localizeError(issue.message, t, varsOf(issue));
  }
  return errors;
}
