'use server';

import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { getQuizWithKey } from '@/lib/content';
import { progressNow } from '@/lib/progress/clock';
import { recordQuizAttempt } from './record-attempt';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { gradeQuiz, type QuizResult } from './grade';

export type QuizState =
  | { status: 'idle' }
  | { status: 'error'; error: 'quizEmpty' | 'notFound'; selected: Record<string, string[]> }
  | { status: 'graded'; result: QuizResult; explanations: Record<string, string>; selected: Record<string, string[]>; saved: boolean };

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);

/** Reads `q:<questionId>` fields (one per chosen choice id), bounded in size. */
function selectedAnswers(formData: FormData): Record<string, string[]> {
  const selected: Record<string, string[]> = {};
  for (const [name, value] of formData) {
    if (name.startsWith('q:') && name.length <= 80 && typeof value === 'string' && value.length <= 40) {
      const list = (selected[name.slice(2)] ??= []);
      if (list.length < 10) list.push(value);
    }
  }
  return selected;
}

/**
 * Grades a quiz on the server: the key and the explanations never reach the
 * page before an attempt. Works as a plain form post without JavaScript.
 * A signed-in learner's attempt is stored (the best score counts); nothing of
 * an anonymous visitor's is.
 */
export async function gradeQuizAction(_previous: QuizState, formData: FormData): Promise<QuizState> {
  const rawLocale = formData.get('locale');
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const selected = selectedAnswers(formData);
  const course = slug.safeParse(formData.get('course'));
  const lesson = slug.safeParse(formData.get('lesson'));
  const quiz = course.success && lesson.success ? getQuizWithKey(course.data, lesson.data, locale) : undefined;
  if (!quiz) return { status: 'error', error: 'notFound', selected };
  if (Object.keys(selected).length === 0) return { status: 'error', error: 'quizEmpty', selected };
  const result = gradeQuiz(quiz, selected);
  const explanations = Object.fromEntries(quiz.map((question) => [question.id, question.explanation]));
  const user = await getCurrentUser();
  if (user) recordQuizAttempt(user, course.data!, lesson.data!, result, selected, progressNow());
  return { status: 'graded', result, explanations, selected, saved: Boolean(user) };
}
