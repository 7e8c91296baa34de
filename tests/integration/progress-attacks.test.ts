import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listLessonProgress } from '@/db/progress';
import { insertUser } from '@/db/users';
import { getCourse, lessonDuration } from '@/lib/content';
import { AppError } from '@/lib/http/errors';
import { recordHeartbeat } from '@/lib/progress/record';
import { allowanceCapSeconds, fastestPlaybackRate, heartbeatSeconds, heartbeatsPerMinute, storedIntervals, videoCompleteRatio } from '@/lib/progress/rules';
import type { Interval } from '@/lib/progress/intervals';

const course = 'risoluzione-dei-conflitti';
const lessons = getCourse(course, 'it')!.lessons;
const slugs = lessons.map((l) => l.slug);

async function learner() {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Ada', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } }))!;
}

const rowOf = async (userId: string, lesson: string) => (await listLessonProgress({ userId, course })).find((row) => row.lesson === lesson);
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

/**
 * A script that claims, every heartbeat period, each whole video in `playing`
 * (the server credits the earliest seconds it does not have yet); returns the
 * seconds it took until all of them were marked watched.
 */
async function claimUntilWatched(user: { id: string; name: string }, playing: string[], start: Date, limit = 4 * 3600): Promise<number | undefined> {
  for (let elapsed = heartbeatSeconds; elapsed <= limit; elapsed += heartbeatSeconds) {
    for (const slug of playing) {
      const duration = lessonDuration(course, slug)!;
      await recordHeartbeat(user, { course, lesson: slug, intervals: [[0, duration]], position: duration }, at(start, elapsed));
    }
    if ((await Promise.all(playing.map((slug) => rowOf(user.id, slug)))).every((row) => row?.videoCompletedAt)) return elapsed;
  }
  return undefined;
}

describe('one watching allowance per learner', () => {
  it('five lessons played at once do not complete faster than one after the other', async () => {
    const start = new Date('2031-01-01T08:00:00Z');
    const sequentialUser = await learner();
    let sequential = 0;
    for (const slug of slugs) sequential += (await claimUntilWatched(sequentialUser, [slug], at(start, sequential)))!;

    const parallelUser = await learner();
    const parallel = (await claimUntilWatched(parallelUser, slugs, start))!;
    expect(parallel).toBeDefined();
    // What one allowance allows at best: a full bucket, then the fastest speed.
    const required = lessons.reduce((sum, l) => sum + l.duration * videoCompleteRatio, 0);
    expect(parallel).toBeGreaterThanOrEqual((required - allowanceCapSeconds) / fastestPlaybackRate);
    expect(parallel).toBeGreaterThanOrEqual(sequential - 5 * heartbeatSeconds);
  });

  it('watching one lesson uses up the allowance of another', async () => {
    const user = await learner();
    const t0 = new Date('2031-02-01T08:00:00Z');
    const [first, second] = slugs as [string, string];
    await recordHeartbeat(user, { course, lesson: first, intervals: [[0, 300]], position: 300 }, t0);
    const status = await recordHeartbeat(user, { course, lesson: second, intervals: [[0, 300]], position: 300 }, at(t0, 1));
    expect((await rowOf(user.id, first))!.watchedSeconds).toBeCloseTo(allowanceCapSeconds, 3);
    expect((await rowOf(user.id, second))!.watchedSeconds).toBeCloseTo(fastestPlaybackRate * 1, 3);
    expect(status.watchedPercent).toBe(0);
  });
});

describe('heartbeats that stay cheap', () => {
  it('1,000 fragmented heartbeats leave a small row, and a later heartbeat reads and writes what the first did', async () => {
    const user = await learner();
    const lesson = slugs[4]!;
    const duration = lessonDuration(course, lesson)!;
    const t0 = new Date('2031-03-01T08:00:00Z');
    const fragmented = (offset: number, length: number, gap: number): Interval[] =>
      Array.from({ length: 100 }, (_, i): Interval => [(offset + i * (length + gap)) % (duration - 2), ((offset + i * (length + gap)) % (duration - 2)) + length]);
    const sizes: number[] = [];
    for (let beat = 0; beat < 1000; beat++) {
      // 1 ms spans with 1 ms gaps (the reported attack), then 1 s spans with gaps just wider than the bridge.
      const intervals = beat % 2 === 0 ? fragmented(beat * 0.37, 0.001, 0.001) : fragmented(beat * 3.1, 1, storedIntervals.bridgeGapSeconds + 0.05);
      await recordHeartbeat(user, { course, lesson, intervals, position: 1 }, at(t0, beat * 2.1)); // under the per-minute throttle
      sizes.push((await rowOf(user.id, lesson))!.intervals.length);
    }
    const stored = JSON.parse((await rowOf(user.id, lesson))!.intervals) as Interval[];
    expect(stored.length).toBeLessThanOrEqual(storedIntervals.maxStoredIntervals);
    expect((await rowOf(user.id, lesson))!.intervals.length).toBeLessThan(2048);
    // The row a heartbeat parses and rewrites stops growing once the cap is reached.
    const largest = Math.max(...sizes);
    expect(sizes.at(-1)).toBeLessThanOrEqual(largest);
    expect(largest).toBeLessThanOrEqual(storedIntervals.maxStoredIntervals * 24);
  });

  it(`more than ${heartbeatsPerMinute} heartbeats a minute get 429 without touching the learner's rows`, async () => {
    const user = await learner();
    const lesson = slugs[0]!;
    const t0 = new Date('2031-04-01T08:00:00Z');
    for (let i = 0; i < heartbeatsPerMinute; i++) await recordHeartbeat(user, { course, lesson, intervals: [[i, i + 1]], position: i + 1 }, at(t0, i));
    const before = await rowOf(user.id, lesson);
    let refused: unknown;
    try {
      await recordHeartbeat(user, { course, lesson, intervals: [[100, 130]], position: 130 }, at(t0, 40));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'slowDown', status: 429, retryAfterSeconds: 20 });
    expect(await rowOf(user.id, lesson)).toEqual(before);
    // A new minute, a new count.
    expect(() => recordHeartbeat(user, { course, lesson, intervals: [[100, 130]], position: 130 }, at(t0, 61))).not.toThrow();
  });
});
