import { formatWeekdayTime } from '@/lib/format';
import { localeTags, type Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { quizPassPercent } from '@/lib/progress/rules';
import type { QuizFeedback } from './feedback';
import type { Allowance } from './limits';
import type { QuizSummary } from './state';

/**
 * When the next attempt is allowed, in the page's language. It is formatted on
 * the server (the same text with or without JavaScript), so it names its time zone.
 */
export const formatAttemptTime = formatWeekdayTime;

/** "Answer question 3" / "Answer questions 2 and 4", with the language's own list. */
export function missingMessage(missing: number[], locale: Locale, t: Translate): string {
  const questions = new Intl.ListFormat(localeTags[locale], { type: 'conjunction' }).format(missing.map(String));
  return t(missing.length === 1 ? 'quiz.missingOne' : 'quiz.missingMany', { questions });
}

export function limitedMessage(nextAt: Date, locale: Locale, t: Translate): string {
  return t('quiz.limited', { time: formatAttemptTime(nextAt, locale) });
}

/** The notice after a graded attempt. */
export function gradedSummary(feedback: QuizFeedback, allowance: Allowance, saved: boolean, locale: Locale, t: Translate): QuizSummary {
  const { score, total, percent } = feedback;
  return {
    title: feedback.passed ? t('quiz.passed') : t('quiz.failed', { pass: quizPassPercent }),
    score: t('quiz.score', { score, total, percent }),
    notes: [
      feedback.revealed ? t('quiz.revealed') : t('quiz.keyAfterPass'),
      allowance.nextAt ? t('quiz.noneLeft', { time: formatAttemptTime(allowance.nextAt, locale) }) : t('quiz.attemptsLeft', { left: allowance.left }),
      saved ? t('progress.quizSaved') : t('quiz.anonNote'),
    ],
  };
}
