import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import { maxIntervalsPerHeartbeat } from './rules';

/**
 * Watched intervals the server has not acknowledged yet, kept in the browser's
 * localStorage so that a failed heartbeat, a lost beacon or a closed tab is
 * resent on the next visit. Keyed by the learner (an opaque key from the
 * server), so another account on the same browser never sends them.
 * Bounded: merged, at most 100 intervals per lesson, dropped after 14 days.
 */

export const pendingPrefix = 'aula.pending.v1:';
export const pendingTtlMs = 14 * 24 * 60 * 60 * 1000;

type Entry = { intervals: Interval[]; savedAt: number };

export function pendingKey(learnerKey: string, course: string, lesson: string): string {
  return `${pendingPrefix}${learnerKey}:${course}:${lesson}`;
}

/** localStorage, or nothing where it is missing or refused (private modes, disabled storage). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isInterval = (value: unknown): value is Interval =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) && value[0] < value[1];

function parse(raw: string | null): Entry | null {
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<Entry>;
    if (typeof entry.savedAt !== 'number' || !Array.isArray(entry.intervals)) return null;
    return { savedAt: entry.savedAt, intervals: entry.intervals.filter(isInterval) };
  } catch {
    return null;
  }
}

const expired = (entry: Entry, now: number) => entry.savedAt + pendingTtlMs < now || entry.savedAt > now + pendingTtlMs;

/** The 100 longest spans when there are more (a few stray seconds give way to long stretches), in order. */
export function bounded(intervals: Interval[], duration: number): Interval[] {
  const merged = mergeIntervals(intervals, duration);
  if (merged.length <= maxIntervalsPerHeartbeat) return merged;
  return [...merged]
    .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
    .slice(0, maxIntervalsPerHeartbeat)
    .sort((a, b) => a[0] - b[0]);
}

/** What is stored for this key (nothing once expired or unreadable). */
export function readPending(key: string, now = Date.now()): Interval[] {
  const store = storage();
  try {
    const entry = parse(store?.getItem(key) ?? null);
    if (!entry || expired(entry, now)) {
      if (entry) store?.removeItem(key);
      return [];
    }
    return entry.intervals;
  } catch {
    return [];
  }
}

/**
 * Adds `unsent` to what is stored and takes out what the server acknowledged.
 * Merging (rather than overwriting) keeps what another tab of the same lesson stored.
 * The entry is removed when nothing is left.
 */
export function updatePending(key: string, change: { unsent: Interval[]; acknowledged: Interval[]; duration: number }, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  try {
    const kept = mergeIntervals([...readPending(key, now), ...change.unsent], change.duration);
    const left = bounded(subtractIntervals(kept, mergeIntervals(change.acknowledged, change.duration)), change.duration);
    if (left.length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ intervals: left, savedAt: now } satisfies Entry));
  } catch {
    // Storage full or refused: the intervals are still kept in memory for this visit.
  }
}

/** Removes every expired or unreadable entry (lessons the learner never came back to). */
export function sweepPending(now = Date.now()): void {
  const store = storage();
  if (!store) return;
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => key?.startsWith(pendingPrefix) ?? false);
    for (const key of keys) {
      const entry = parse(store.getItem(key));
      if (!entry || expired(entry, now)) store.removeItem(key);
    }
  } catch {
    // Nothing to clean where storage is unavailable.
  }
}
