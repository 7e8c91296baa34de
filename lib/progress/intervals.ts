import { storedIntervals } from './rules';

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

type Gap = { index: number; length: number };

/** The gaps of a merged union, smallest first; gap `index` lies after span `index`. */
function gapsBySize(spans: Interval[]): Gap[] {
  return spans
    .slice(1)
    .map((span, index) => ({ index, length: span[0] - spans[index]![1] }))
    .sort((a, b) => a.length - b.length);
}

/** Joins the spans across the chosen gaps, in one pass. */
function closeGaps(spans: Interval[], gaps: Gap[]): Interval[] {
  const closing = new Set(gaps.map((gap) => gap.index));
  const joined: Interval[] = [];
  spans.forEach(([start, end], index) => {
    if (index > 0 && closing.has(index - 1)) joined.at(-1)![1] = end;
    else joined.push([start, end]);
  });
  return joined;
}

function overlapsAny([start, end]: Interval, known: Interval[]): boolean {
  return known.some(([knownStart, knownEnd]) => knownStart < end && start < knownEnd);
}

/**
 * Adds newly watched spans to what is known and keeps the result small.
 * Credits at most `allowance` seconds of new coverage, earliest first;
 * closes gaps up to the bridge size, smallest first, while the allowance lasts
 * (a gap closed is coverage, so it is paid for); drops new stand-alone spans
 * shorter than the minimum; and over the cap on stored spans drops the
 * shortest new stand-alone spans (closing gaps for free would credit unwatched
 * time). What is known is never lost. `credited` is exactly the coverage added.
 */
export function creditIntervals(known: Interval[], claimed: Interval[], duration: number, allowance: number) {
  const { minSpanSeconds, bridgeGapSeconds, maxStoredIntervals } = storedIntervals;
  const budget = Math.max(0, allowance);
  const fresh = subtractIntervals(mergeIntervals(claimed, duration), known);
  const granted = takeSeconds(fresh, budget);
  const merged = mergeIntervals([...known, ...granted], duration);
  let left = budget - coverage(granted);
  const paid = gapsBySize(merged).filter((gap) => {
    if (gap.length > bridgeGapSeconds || gap.length > left) return false;
    left -= gap.length;
    return true;
  });
  const isNew = (span: Interval) => !overlapsAny(span, known);
  let kept = closeGaps(merged, paid).filter((span) => !(isNew(span) && span[1] - span[0] < minSpanSeconds));
  if (kept.length > maxStoredIntervals) {
    // Only new stand-alone spans can take the count over the cap: `known` is within it.
    const dropped = new Set(kept.filter(isNew).sort((a, b) => a[1] - a[0] - (b[1] - b[0])).slice(0, kept.length - maxStoredIntervals));
    kept = kept.filter((span) => !dropped.has(span));
  }
  return { merged: kept, credited: Math.max(0, coverage(kept) - coverage(known)) };
}

/**
 * Compacts a stored list from before these rules (the migration): merges it,
 * closes every gap up to the bridge size, then the smallest gaps until it is
 * within the cap. Only ever adds coverage, so nobody's recorded progress goes down.
 */
export function compactStored(intervals: Interval[], duration: number): Interval[] {
  const { bridgeGapSeconds, maxStoredIntervals } = storedIntervals;
  const merged = mergeIntervals(intervals, duration);
  const gaps = gapsBySize(merged);
  const small = gaps.filter((gap) => gap.length <= bridgeGapSeconds).length;
  const overCap = Math.max(0, merged.length - maxStoredIntervals);
  return closeGaps(merged, gaps.slice(0, Math.max(small, overCap)));
}

/** Rounds to the millisecond for storage. */
export function roundIntervals(intervals: Interval[]): Interval[] {
  return intervals.map(([start, end]) => [Math.round(start * 1000) / 1000, Math.round(end * 1000) / 1000]);
}
