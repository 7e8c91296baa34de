/** A watched span of the video, in seconds: [start, end), start < end. */
export type Interval = [number, number];

/** Clamps spans to [0, duration], drops empty ones, and merges them into a sorted union. */
export function mergeIntervals(intervals: Interval[], duration: number): Interval[] {
  const clamped = intervals
    .map(([start, end]): Interval => [Math.max(0, Math.min(start, duration)), Math.max(0, Math.min(end, duration))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of clamped) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function coverage(intervals: Interval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** The parts of `claimed` not already in `known` (both merged unions). */
export function subtractIntervals(claimed: Interval[], known: Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const [start, end] of claimed) {
    let cursor = start;
    for (const [knownStart, knownEnd] of known) {
      if (knownEnd <= cursor || knownStart >= end) continue;
      if (knownStart > cursor) result.push([cursor, knownStart]);
      cursor = Math.max(cursor, knownEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

/** Keeps the earliest `seconds` of a sorted list of spans, cutting the last one short. */
export function takeSeconds(intervals: Interval[], seconds: number): Interval[] {
  const kept: Interval[] = [];
  let left = seconds;
  for (const [start, end] of intervals) {
    if (left <= 0) break;
    const length = Math.min(end - start, left);
    kept.push([start, start + length]);
    left -= length;
  }
  return kept;
}

/**
 * Adds newly watched spans to what is known, crediting at most `allowance`
 * seconds of new coverage (the rest is dropped). Replaying a stretch adds nothing.
 */
export function creditIntervals(known: Interval[], claimed: Interval[], duration: number, allowance: number) {
  const fresh = subtractIntervals(mergeIntervals(claimed, duration), known);
  const granted = takeSeconds(fresh, Math.max(0, allowance));
  const merged = mergeIntervals([...known, ...granted], duration);
  return { merged, credited: coverage(granted), dropped: coverage(fresh) - coverage(granted) };
}
