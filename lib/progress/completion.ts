import { quizPassPercent, videoCompleteRatio } from './rules';

export { quizPassPercent, videoCompleteRatio } from './rules';

// The completion rules in TypeScript. Their SQL form (db/progress-rules.ts) is
// built from the same constants; tests/integration/admin-rules.test.ts checks
// that the two agree on seeded data.

export type LessonState = 'notStarted' | 'inProgress' | 'complete';

export function isVideoComplete(watchedSeconds: number, duration: number): boolean {
  return duration > 0 && watchedSeconds >= duration * videoCompleteRatio;
}

export function isQuizPassed(percent: number | null | undefined): boolean {
  return percent != null && percent >= quizPassPercent;
}

/** Started: some of the video watched, or the quiz tried. */
export function isLessonStarted(lesson: { watchedSeconds: number; quizBest: number | null }): boolean {
  return lesson.watchedSeconds > 0 || lesson.quizBest !== null;
}

export function lessonState(lesson: { watchedSeconds: number; quizBest: number | null; complete: boolean } | undefined): LessonState {
  if (!lesson) return 'notStarted';
  if (lesson.complete) return 'complete';
  return isLessonStarted(lesson) ? 'inProgress' : 'notStarted';
}

/**
 * The state a learner is shown for a lesson: as lessonState, except that a few
 * seconds of video (under 1 %, shown as "0 %") and no quiz is not yet "in
 * progress" to them. (The admin's "started" still counts any second watched.)
 */
export function shownLessonState(lesson: { watchedPercent: number; quizBest: number | null; complete: boolean }): LessonState {
  if (lesson.complete) return 'complete';
  return lesson.watchedPercent > 0 || lesson.quizBest !== null ? 'inProgress' : 'notStarted';
}

/** A course's state from its lessons' states. */
export function courseState(states: LessonState[]): LessonState {
  if (states.length > 0 && states.every((state) => state === 'complete')) return 'complete';
  return states.some((state) => state !== 'notStarted') ? 'inProgress' : 'notStarted';
}

/** Watched percentage for display: floor, so 89.9 % never shows as a complete 90 %. */
export function watchedPercent(watchedSeconds: number, duration: number): number {
  return duration > 0 ? Math.min(100, Math.floor((watchedSeconds / duration) * 100)) : 0;
}

/**
 * The course percent: lessons complete out of the course's lessons, floored,
 * so it says what is done (a lesson counts once both its video and its quiz
 * are) and reaches 100 only with the last lesson.
 */
export function coursePercent(lessons: { complete: boolean }[]): number {
  if (lessons.length === 0) return 0;
  return Math.floor((lessons.filter((lesson) => lesson.complete).length * 100) / lessons.length);
}

/**
 * Enrolled in a course: every learner account (signing up is enrolling), and
 * anyone with another role (an editor trying the course) who has progress in
 * it. The admin's figures, learner list and CSV count exactly these people;
 * their SQL form is enrolledSql in db/progress-rules.ts.
 */
export function isEnrolled(person: { role: string; hasProgress: boolean }): boolean {
  return person.role === 'learner' || person.hasProgress;
}
