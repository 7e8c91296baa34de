import { describe, expect, it } from 'vitest';
import { lessonState } from '@/lib/progress/completion';
import { missingOf, nextStep } from '@/lib/progress/next-step';

/** A lesson as the course status has it: `video` and `quiz` done or not, and whether anything was begun. */
function lesson(slug: string, { video = false, quiz = false, begun }: { video?: boolean; quiz?: boolean; begun?: boolean } = {}) {
  begun ??= video || quiz;
  const complete = video && quiz;
  return { lesson: slug, videoComplete: video, quizPassed: quiz, complete, state: lessonState({ watchedSeconds: begun ? 1 : 0, quizBest: null, complete }) };
}

describe('the next step in a course', () => {
  it('nothing begun: start with the first lesson', () => {
    expect(nextStep([lesson('a'), lesson('b')])).toEqual({ kind: 'start', lesson: 'a' });
  });

  it('carries on with the lesson begun, saying what it still needs', () => {
    expect(nextStep([lesson('a', { begun: true }), lesson('b')])).toEqual({ kind: 'continue', lesson: 'a', missing: 'both' });
    expect(nextStep([lesson('a', { video: true }), lesson('b')])).toEqual({ kind: 'continue', lesson: 'a', missing: 'quiz' });
    expect(nextStep([lesson('a', { quiz: true }), lesson('b')])).toEqual({ kind: 'continue', lesson: 'a', missing: 'video' });
  });

  it('after complete lessons, the next one not complete, even if not begun', () => {
    expect(nextStep([lesson('a', { video: true, quiz: true }), lesson('b'), lesson('c')])).toEqual({ kind: 'continue', lesson: 'b', missing: 'both' });
  });

  it('a lesson begun further on comes before an untouched earlier one', () => {
    expect(nextStep([lesson('a'), lesson('b', { video: true }), lesson('c')])).toEqual({ kind: 'continue', lesson: 'b', missing: 'quiz' });
  });

  it('all complete: review from the first lesson; no lessons: no step', () => {
    expect(nextStep([lesson('a', { video: true, quiz: true }), lesson('b', { video: true, quiz: true })])).toEqual({ kind: 'review', lesson: 'a' });
    expect(nextStep([])).toBeUndefined();
  });

  it('what a lesson misses', () => {
    expect(missingOf({ videoComplete: false, quizPassed: false })).toBe('both');
    expect(missingOf({ videoComplete: true, quizPassed: false })).toBe('quiz');
    expect(missingOf({ videoComplete: false, quizPassed: true })).toBe('video');
  });
});
