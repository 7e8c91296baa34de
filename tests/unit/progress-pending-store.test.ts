import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Interval } from '@/lib/progress/intervals';
import { pendingKey, pendingTtlMs, readPending, sweepPending, updatePending } from '@/lib/progress/pending-store';
import { resumeChoice } from '@/lib/progress/resume';
import { maxIntervalsPerHeartbeat } from '@/lib/progress/rules';
import { maxIntervalsPerHeartbeat as serverLimit } from '@/lib/progress/schemas';
import { MemoryStorage } from '../support/fake-video';

const duration = 360;
const now = Date.UTC(2030, 0, 1);
let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('unsent intervals in localStorage', () => {
  const key = pendingKey('learner-a', 'course', 'lesson');

  it('round-trips, merged, keyed by learner, course and lesson', () => {
    updatePending(key, { unsent: [[10, 20], [0, 5], [18, 30]], acknowledged: [], duration }, now);
    expect(readPending(key, now)).toEqual([[0, 5], [10, 30]]);
    expect(readPending(pendingKey('learner-b', 'course', 'lesson'), now)).toEqual([]);
    expect(readPending(pendingKey('learner-a', 'course', 'other'), now)).toEqual([]);
  });

  it('adds to what another tab stored, takes out what was acknowledged, and removes the entry when empty', () => {
    updatePending(key, { unsent: [[0, 10]], acknowledged: [], duration }, now);
    updatePending(key, { unsent: [[50, 60]], acknowledged: [], duration }, now);
    expect(readPending(key, now)).toEqual([[0, 10], [50, 60]]);
    updatePending(key, { unsent: [], acknowledged: [[0, 10], [55, 60]], duration }, now);
    expect(readPending(key, now)).toEqual([[50, 55]]);
    updatePending(key, { unsent: [], acknowledged: [[50, 55]], duration }, now);
    expect(storage.getItem(key)).toBeNull();
  });

  it('keeps at most 100 intervals (the longest), clamped to the video', () => {
    const many: Interval[] = Array.from({ length: 150 }, (_, i) => [i * 2, i * 2 + (i % 3 === 0 ? 1.5 : 0.5)]);
    updatePending(key, { unsent: [...many, [350, 400]], acknowledged: [], duration: 400 }, now);
    const kept = readPending(key, now);
    expect(kept).toHaveLength(maxIntervalsPerHeartbeat);
    expect(kept.filter(([s, e]) => e - s === 1.5)).toHaveLength(50);
    expect(kept).toEqual([...kept].sort((a, b) => a[0] - b[0]));
    updatePending(key, { unsent: [[350, 400]], acknowledged: [], duration }, now);
    expect(readPending(key, now).at(-1)).toEqual([350, 360]);
  });

  it('drops entries after 14 days, when read and when swept', () => {
    updatePending(key, { unsent: [[0, 10]], acknowledged: [], duration }, now);
    const other = pendingKey('learner-a', 'course', 'another');
    updatePending(other, { unsent: [[0, 10]], acknowledged: [], duration }, now);
    storage.setItem('unrelated', 'kept');
    expect(readPending(key, now + pendingTtlMs - 1)).toEqual([[0, 10]]);
    expect(readPending(key, now + pendingTtlMs + 1)).toEqual([]);
    expect(storage.getItem(key)).toBeNull();
    sweepPending(now + pendingTtlMs + 1);
    expect(storage.getItem(other)).toBeNull();
    expect(storage.getItem('unrelated')).toBe('kept');
  });

  it('ignores what it cannot read, and works without storage at all', () => {
    storage.setItem(key, '{"intervals": "all"');
    expect(readPending(key, now)).toEqual([]);
    storage.setItem(key, JSON.stringify({ savedAt: now, intervals: [[0, 10], [5, 2], ['a', 3], [-1, 4]] }));
    expect(readPending(key, now)).toEqual([[0, 10]]);
    vi.stubGlobal('localStorage', undefined);
    expect(() => updatePending(key, { unsent: [[0, 1]], acknowledged: [], duration }, now)).not.toThrow();
    expect(readPending(key, now)).toEqual([]);
  });

  it('sends no more per heartbeat than the server accepts', () => {
    expect(maxIntervalsPerHeartbeat).toBe(serverLimit);
  });
});

describe('resume', () => {
  const base = { saved: 192, duration, hash: false, currentTime: 0, paused: true, played: false };
  it('seeks an untouched video to the saved position', () => {
    expect(resumeChoice(base)).toBe('seek');
  });
  it('never moves a video that is playing or was played: offers the position instead', () => {
    expect(resumeChoice({ ...base, paused: false, currentTime: 3, played: true })).toBe('offer');
    expect(resumeChoice({ ...base, paused: true, currentTime: 0, played: true })).toBe('offer');
    expect(resumeChoice({ ...base, paused: true, currentTime: 40, played: false })).toBe('offer');
  });
  it('offers nothing when the learner is already about there', () => {
    expect(resumeChoice({ ...base, paused: false, currentTime: 190, played: true })).toBe('none');
  });
  it('not near the start or the end, nor when a #paragraph was asked for', () => {
    expect(resumeChoice({ ...base, saved: 4 })).toBe('none');
    expect(resumeChoice({ ...base, saved: duration - 10 })).toBe('none');
    expect(resumeChoice({ ...base, hash: true })).toBe('none');
    expect(resumeChoice({ ...base, hash: true, paused: false, played: true })).toBe('none');
  });
});
