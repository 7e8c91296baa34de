import 'server-only';
import { z } from 'zod';
import { getQuizWithKey } from '@/lib/content';
import type { QuizQuestionWithKey } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslator, type Translate } from '@/lib/i18n/messages';
import type { Learner } from '@/lib/progress/settle';
import { consumeQuota } from '@/lib/security/rate-limit';
import { quizFeedback } from './feedback';
import { gradeQuiz } from './grade';
import { addressAllowance, addressLimit, type Allowance } from './limits';
import { parseAnswers, type Answers } from './parse-answers';
import { recordLimitedAttempt } from './record-attempt';
import type { QuizState } from './state';
import { gradedSummary, limitedMessage, missingMessage } from './words';

export type QuizSubmission = {
  /** The signed-in learner, or null for an anonymous visitor. */
  user: Learner | null;
  /** The client's address (limits anonymous attempts). */
  ip: string;
  course: unknown;
  lesson: unknown;
  locale: Locale;
  /** The posted form's entries, read lazily: a post that is too big is refused without reading it all. */
  entries: Iterable<[string, unknown]>;
  now: Date;
};

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);

/**
 * A quiz post, from the form to the state the page shows. In order: a post
 * that is not exactly this quiz's questions and choices is refused; a question
 * left unanswered is named; both store and count nothing. Then the attempt is
 * counted against the limit (at the limit: when to come back, nothing graded),
 * graded, stored for a learner, and answered with feedback that reveals the
 * key only to whoever has passed.
 */
export async function submitQuiz({ user, ip, course, lesson, locale, entries, now }: QuizSubmission): Promise<QuizState> {
  const t = getTranslator(locale);
  const courseSlug = slug.safeParse(course);
  const lessonSlug = slug.safeParse(lesson);
  const quiz = courseSlug.success && lessonSlug.success ? getQuizWithKey(courseSlug.data, lessonSlug.data, locale) : undefined;
  if (!quiz) return { status: 'refused', message: t('quiz.notFound'), selected: {} };
  const parsed = parseAnswers(quiz, entries);
  if (!parsed.ok) return { status: 'refused', message: t('quiz.refused'), selected: {} };
  const { answers, missing } = parsed;
  if (missing.length > 0) {
    return { status: 'incomplete', message: missingMessage(missing, locale, t), missing: missing.map((n) => quiz[n - 1]!.id), selected: answers };
  }
  const where = { course: courseSlug.data!, lesson: lessonSlug.data!, quiz, answers, locale, t };
  return user ? asLearner(user, where, now) : anonymously(ip, where, now);
}

type Where = { course: string; lesson: string; quiz: QuizQuestionWithKey[]; answers: Answers; locale: Locale; t: Translate };

async function asLearner(user: Learner, { course, lesson, quiz, answers, locale, t }: Where, now: Date): Promise<QuizState> {
  const attempt = await recordLimitedAttempt(user, course, lesson, quiz, answers, now);
  if (!attempt.recorded) return { status: 'limited', message: limitedMessage(attempt.allowance.nextAt!, locale, t), selected: answers };
  return graded(quizFeedback(quiz, attempt.result, attempt.passedBefore), attempt.allowance, true, answers, locale, t);
}

/** Counted first (one atomic upsert), then graded: parallel posts cannot slip past the limit. Nothing is stored. */
async function anonymously(ip: string, { course, lesson, quiz, answers, locale, t }: Where, now: Date): Promise<QuizState> {
  const allowance = addressAllowance(await consumeQuota(addressLimit(ip, course, lesson), now));
  if (!allowance.allowed) return { status: 'limited', message: limitedMessage(allowance.nextAt!, locale, t), selected: answers };
  return graded(quizFeedback(quiz, gradeQuiz(quiz, answers), false), allowance, false, answers, locale, t);
}

function graded(feedback: ReturnType<typeof quizFeedback>, allowance: Allowance, saved: boolean, selected: Answers, locale: Locale, t: Translate): QuizState {
  return { status: 'graded', feedback, summary: gradedSummary(feedback, allowance, saved, locale, t), canRetry: allowance.left > 0, saved, selected };
}
