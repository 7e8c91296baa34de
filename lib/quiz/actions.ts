'use server';

import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/http/client-ip';
import { toAppError } from '@/lib/http/errors';
import { localizeError } from '@/lib/http/form-errors';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { progressNow } from '@/lib/progress/clock';
import type { QuizState } from './state';
import { submitQuiz } from './submit';

/**
 * Grades a quiz post (also a plain form post without JavaScript). Thin: it
 * reads who and where from the request, and lib/quiz/submit.ts does the rest.
 * Whatever is posted, the answer is a state, never a 500.
 */
export async function gradeQuizAction(_previous: QuizState, formData: FormData): Promise<QuizState> {
  let locale: Locale = defaultLocale;
  try {
    // A hand-made request to the action may pass anything as its argument.
    if (!(formData instanceof FormData)) return { status: 'refused', message: getTranslator(locale)('quiz.refused'), selected: {} };
    const rawLocale = formData.get('locale');
    if (isLocale(rawLocale)) locale = rawLocale;
    const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
    return submitQuiz({
      user,
      ip: clientIp(requestHeaders),
      course: formData.get('course'),
      lesson: formData.get('lesson'),
      locale,
      entries: formData.entries(),
      now: progressNow(),
    });
  } catch (error) {
    unstable_rethrow(error);
    return { status: 'refused', message: localizeError(toAppError(error).code, getTranslator(locale)), selected: {} };
  }
}
