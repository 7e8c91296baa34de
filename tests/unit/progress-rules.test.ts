import { describe, expect, it } from 'vitest';
import { coursePercent, isQuizPassed, isVideoComplete, shownLessonState, watchedPercent } from '@/lib/progress/completion';
import { allowanceCapSeconds as creditCapSeconds, availableCredit } from '@/lib/progress/credit';
import { coverage, creditIntervals, mergeIntervals, subtractIntervals, takeSeconds } from '@/lib/progress/intervals';

describe('interval merge and clamp', () => {
  it('merges overlapping and touching spans into a sorted union', () => {
    expect(mergeIntervals([[30, 40], [0, 10], [5, 15], [15, 20]], 100)).toEqual([[0, 20], [30, 40]]);
  });
  it('clamps to the video and drops empty or outside spans', () => {
    expect(mergeIntervals([[-5, 3], [95, 130], [200, 300], [7, 7]], 100)).toEqual([[0, 3], [95, 100]]);
  });
  it('replaying a stretch adds nothing', () => {
    const once = mergeIntervals([[0, 60]], 100);
    expect(coverage(mergeIntervals([...once, [10, 50], [0, 60]], 100))).toBe(60);
  });
  it('subtracts what is known', () => {
    expect(subtractIntervals([[0, 100]], [[10, 20], [50, 60]])).toEqual([[0, 10], [20, 50], [60, 100]]);
    expect(subtractIntervals([[10, 20]], [[0, 30]])).toEqual([]);
  });
  it('takes the earliest seconds', () => {
    expect(takeSeconds([[0, 10], [20, 40]], 15)).toEqual([[0, 10], [20, 25]]);
  });
});

describe('wall-clock credit', () => {
  const t0 = new Date('2030-01-01T00:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  it('starts with a full bucket, refills at 2× real time, and is capped', () => {
    expect(availableCredit(0, null, t0)).toBe(creditCapSeconds);
    expect(availableCredit(0, t0, at(10))).toBe(20);
    expect(availableCredit(5, t0, at(3600))).toBe(creditCapSeconds);
  });
  it('drops the excess of a claim, keeping the earliest new seconds', () => {
    const result = creditIntervals([[0, 10]], [[0, 100]], 300, 30);
    expect(result).toEqual({ merged: [[0, 40]], credited: 30 });
  });
  it('one request claiming the whole video does not complete it; seeking to the end neither', () => {
    const duration = 360;
    const oneShot = creditIntervals([], [[0, duration]], duration, availableCredit(0, null, t0));
    expect(isVideoComplete(coverage(oneShot.merged), duration)).toBe(false);
    const seek = creditIntervals([], [[350, 360]], duration, availableCredit(0, null, t0));
    expect(watchedPercent(coverage(seek.merged), duration)).toBeLessThan(5);
  });
  it('watching at 2× in 15 s heartbeats completes the video', () => {
    const duration = 360;
    let known: [number, number][] = [];
    let balance = 0;
    let last: Date | null = null;
    for (let second = 15, media = 0; media < duration; second += 15) {
      const now = at(second);
      const allowance = availableCredit(balance, last, now);
      const result = creditIntervals(known, [[media, media + 30]], duration, allowance);
      known = result.merged;
      balance = allowance - result.credited;
      last = now;
      media += 30;
    }
    expect(coverage(known)).toBe(duration);
  });
  it('many rapid requests cannot beat the clock', () => {
    let known: [number, number][] = [];
    let balance = 0;
    let last: Date | null = null;
    for (let i = 0; i < 1000; i++) {
      const now = new Date(t0.getTime() + i); // 1000 requests in one second
      const allowance = availableCredit(balance, last, now);
      const result = creditIntervals(known, [[0, 3600]], 3600, allowance);
      known = result.merged;
      balance = allowance - result.credited;
      last = now;
    }
    expect(coverage(known)).toBeLessThanOrEqual(creditCapSeconds + 2);
  });
});

describe('completion', () => {
  it('video complete at 90 % coverage', () => {
    expect(isVideoComplete(89.9, 100)).toBe(false);
    expect(isVideoComplete(90, 100)).toBe(true);
    expect(watchedPercent(89.99, 100)).toBe(89);
  });
  it('quiz passed at 70 %', () => {
    expect(isQuizPassed(69)).toBe(false);
    expect(isQuizPassed(70)).toBe(true);
    expect(isQuizPassed(null)).toBe(false);
  });
  it('shown state: never "in progress" at 0 %; a quiz tried or 1 % watched is', () => {
    expect(shownLessonState({ watchedPercent: 0, quizBest: null, complete: false })).toBe('notStarted');
    expect(shownLessonState({ watchedPercent: 1, quizBest: null, complete: false })).toBe('inProgress');
    expect(shownLessonState({ watchedPercent: 0, quizBest: 0, complete: false })).toBe('inProgress');
    expect(shownLessonState({ watchedPercent: 95, quizBest: 80, complete: true })).toBe('complete');
  });
  it('course percent: lessons complete out of the lessons, floored', () => {
    const lessons = (complete: number, total: number) => Array.from({ length: total }, (_, i) => ({ complete: i < complete }));
    expect(coursePercent(lessons(0, 5))).toBe(0);
    expect(coursePercent(lessons(4, 5))).toBe(80);
    expect(coursePercent(lessons(1, 3))).toBe(33);
    expect(coursePercent(lessons(2, 3))).toBe(66);
    expect(coursePercent(lessons(3, 3))).toBe(100);
    expect(coursePercent([])).toBe(0);
  });
});
