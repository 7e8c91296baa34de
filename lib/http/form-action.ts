import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { getTranslator, type Translate } from '@/lib/i18n/messages';
import { AppError, toAppError } from './errors';
import { fieldErrorsOf, localizeError } from './form-errors';
import type { FormState } from './form-state';
import { refusalLogLine } from './refusal-response';

export type { FormState } from './form-state';

/** What a form's `run` returns; typed values are echoed back on error automatically. */
export type RunResult = Omit<FormState, 'values'> & { values?: Record<string, string> };

type Context = { user: CurrentUser | null; locale: Locale; t: Translate; formData: FormData };

type Options<S extends z.ZodType> = {
  schema: S;
  /** Who may submit: anyone, or a signed-in user with at least this role. */
  role?: Role;
  /** Fields never echoed back (passwords). */
  secret?: string[];
  run: (input: z.infer<S>, context: Context) => Promise<RunResult | void>;
};

/**
 * The one wrapper for form actions: authenticate → authorize → parse with zod →
 * run → a localized error next to the field, or success. Redirects pass through;
 * whatever is posted, the answer is a state, never a 500.
 */
export function formAction<S extends z.ZodType>({ schema, role, secret = [], run }: Options<S>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    let t = getTranslator(defaultLocale);
    const values: Record<string, string> = {};
    const fail = (error: AppError): FormState => ({ status: 'error', message: localizeError(error.code, t, error.vars), values });
    try {
      // A hand-made post can pass anything as the arguments (our server refuses what Next cannot decode, not this).
      if (!(formData instanceof FormData)) {
        console.warn(refusalLogLine('POST', '(server action)', 400, 'its argument is not a form'));
        return fail(new AppError('badRequest'));
      }
      const rawLocale = formData.get('locale');
      const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
      t = getTranslator(locale);
      for (const [name, value] of formData) {
        if (typeof value === 'string' && !secret.includes(name) && !name.startsWith('$')) values[name] = value;
      }
      const user = await getCurrentUser();
      if (role && !user) return fail(new AppError('unauthorized'));
      if (role && user && !hasRole(user, role)) return fail(new AppError('forbidden'));
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        return { status: 'error', message: t('auth.fixErrors'), fieldErrors: fieldErrorsOf(parsed.error, t), values };
      }
      const result = await run(parsed.data, { user, locale, t, formData });
      if (!result) return { status: 'success', values: {} };
      return { ...result, values: result.status === 'error' ? values : (result.values ?? {}) };
    } catch (error) {
      unstable_rethrow(error);
      return fail(toAppError(error));
    }
  };
}
