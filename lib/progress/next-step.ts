import type { LessonState } from './completion';

/** What a lesson still needs to be complete: its video (watched to the ratio), its quiz (passed), or both. */
export type Missing = 'video' | 'quiz' | 'both';

/**
 * The learner's next step in a course, said the same way on every page:
 * start with the first lesson, carry on with a lesson (and what it still
 * needs), or review a course that is complete.
 */
export type NextStep = { kind: 'start'; lesson: string } | { kind: 'continue'; lesson: string; missing: Missing } | { kind: 'review'; lesson: string };

type LessonFacts = { lesson: string; state: LessonState; videoComplete: boolean; quizPassed: boolean; complete: boolean };

export function missingOf(lesson: Pick<LessonFacts, 'videoComplete' | 'quizPassed'>): Missing {
  if (!lesson.videoComplete && !lesson.quizPassed) return 'both';
  return lesson.videoComplete ? 'quiz' : 'video';
}

/**
 * `lessons` in course order. Carry on with the first lesson begun and not
 * complete (where the learner left off), else the first not complete; with
 * nothing begun, start at the first lesson not complete (the first, usually).
 */
export function nextStep(lessons: LessonFacts[]): NextStep | undefined {
  const first = lessons[0];
  if (!first) return undefined;
  const open = lessons.filter((lesson) => !lesson.complete);
  if (open.length === 0) return { kind: 'review', lesson: first.lesson };
  const next = open.find((lesson) => lesson.state === 'inProgress') ?? open[0]!;
  const begun = lessons.some((lesson) => lesson.state !== 'notStarted');
  return begun ? { kind: 'continue', lesson: next.lesson, missing: missingOf(next) } : { kind: 'start', lesson: next.lesson };
}
