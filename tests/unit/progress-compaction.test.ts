import { describe, expect, it } from 'vitest';
import { compactStored, coverage, creditIntervals, type Interval } from '@/lib/progress/intervals';
import { storedIntervals } from '@/lib/progress/rules';

const { minSpanSeconds, bridgeGapSeconds, maxStoredIntervals } = storedIntervals;

/** `count` spans of `length` seconds, each followed by a gap of `gap`, from `from`. */
function fragments(count: number, length: number, gap: number, from = 0): Interval[] {
  return Array.from({ length: count }, (_, i): Interval => [from + i * (length + gap), from + i * (length + gap) + length]);
}

describe('storing watched spans compactly', () => {
  it('drops new stand-alone spans shorter than the minimum, and credits nothing for them', () => {
    const result = creditIntervals([], fragments(100, 0.001, 0.001), 600, 1000);
    expect(result).toEqual({ merged: [], credited: 0 });
  });

  it('keeps a short span that continues what is known (the tail of a heartbeat)', () => {
    const result = creditIntervals([[0, 30]], [[30, 30.4]], 600, 70);
    expect(result.merged).toEqual([[0, 30.4]]);
    expect(result.credited).toBeCloseTo(0.4);
  });

  it('closes gaps up to the bridge size and charges them to the allowance', () => {
    const result = creditIntervals([[0, 30]], [[30.5, 60]], 600, 70);
    expect(result.merged).toEqual([[0, 60]]);
    expect(result.credited).toBeCloseTo(30, 5); // 29.5 s watched + the 0.5 s gap closed
  });

  it('leaves a gap open when the allowance cannot pay for it', () => {
    const result = creditIntervals([[0, 30]], [[30.5, 60]], 600, 29.5);
    expect(result.merged).toEqual([[0, 30], [30.5, 60]]);
    expect(result.credited).toBeCloseTo(29.5, 5);
  });

  it('never closes gaps wider than the bridge size', () => {
    const result = creditIntervals([[0, 30]], [[30 + bridgeGapSeconds + 0.01, 60]], 600, 1000);
    expect(result.merged).toHaveLength(2);
  });

  it('fragmented input gives bounded output whose coverage is what was credited, and never more than the allowance', () => {
    let known: Interval[] = [];
    let total = 0;
    for (let beat = 0; beat < 1000; beat++) {
      // Spans of 1 s with gaps just wider than the bridge, all over a long video.
      const claimed = fragments(100, minSpanSeconds, bridgeGapSeconds + 0.01, (beat * 7) % 3000);
      const { merged, credited } = creditIntervals(known, claimed, 3600, 70);
      expect(merged.length).toBeLessThanOrEqual(maxStoredIntervals);
      expect(credited).toBeLessThanOrEqual(70 + 1e-9);
      expect(coverage(merged)).toBeCloseTo(coverage(known) + credited, 6);
      total += credited;
      known = merged;
    }
    expect(JSON.stringify(known).length).toBeLessThan(maxStoredIntervals * 30);
    expect(coverage(known)).toBeCloseTo(total, 3);
  });

  it('what is known is never lost, even over the cap', () => {
    const known = fragments(maxStoredIntervals, 2, 5);
    const { merged } = creditIntervals(known, fragments(50, 1.5, 3, 1000), 3600, 1000);
    expect(merged.length).toBeLessThanOrEqual(maxStoredIntervals);
    for (const span of known) expect(merged.some(([s, e]) => s <= span[0] && span[1] <= e)).toBe(true);
  });

  it('a fully watched video is one span', () => {
    let known: Interval[] = [];
    for (let media = 0; media < 400; media += 30) known = creditIntervals(known, [[media + 0.2, media + 30]], 400, 70).merged;
    expect(known).toEqual([[0.2, 400]]);
  });
});

describe('compacting rows stored before these rules (the migration)', () => {
  it('bounds a fragmented row and keeps its coverage within the bridged gaps', () => {
    const before = fragments(100_000, 0.001, 0.001);
    const after = compactStored(before, 600);
    expect(after.length).toBeLessThanOrEqual(maxStoredIntervals);
    expect(coverage(after)).toBeGreaterThanOrEqual(coverage(before));
    expect(coverage(after)).toBeLessThanOrEqual(coverage(before) + 100_000 * 0.001 + 1e-6); // at most the gaps it closed
  });

  it('never lowers coverage and leaves an already compact row as it is', () => {
    const compact: Interval[] = [[0, 30], [40, 100]];
    expect(compactStored(compact, 600)).toEqual(compact);
    const many = fragments(maxStoredIntervals + 10, 5, 3);
    const after = compactStored(many, 600);
    expect(after.length).toBe(maxStoredIntervals);
    expect(coverage(after)).toBeGreaterThanOrEqual(coverage(many));
  });
});
