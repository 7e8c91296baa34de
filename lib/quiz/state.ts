import type { QuizFeedback } from './feedback';
import type { Answers } from './parse-answers';

/** The graded attempt's notice, in the page's language: pass or fail, the score, then notes (key, attempts left, saved). */
export type QuizSummary = { title: string; score: string; notes: string[] };

/**
 * What the quiz action returns to the page (and, without JavaScript, what the
 * server renders and inlines into the HTML): never the key, nor an explanation
 * the learner may not see yet. `selected` keeps the learner's choices, because
 * React resets the form after an action.
 */
export type QuizState =
  | { status: 'idle'; selected: Answers }
  | { status: 'refused' | 'limited'; message: string; selected: Answers }
  | { status: 'incomplete'; message: string; missing: string[]; selected: Answers }
  | { status: 'graded'; feedback: QuizFeedback; summary: QuizSummary; canRetry: boolean; saved: boolean; selected: Answers };

export const idleQuiz: QuizState = { status: 'idle', selected: {} };
