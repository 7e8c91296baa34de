import { describe, expect, it } from 'vitest';
import { checkLimit, consumeLimit, minutesUntil } from '@/lib/security/rate-limit';

describe('fixed-window rate limit', () => {
  const limit = { key: 'test:a', max: 3, windowMs: 60_000 };
  it('allows max hits, then limits until the window ends', async () => {
    const t0 = new Date('2030-05-01T00:00:00Z');
    expect((await consumeLimit(limit, t0)).limited).toBe(false);
    expect((await consumeLimit(limit, t0)).limited).toBe(false);
    expect((await consumeLimit(limit, t0)).limited).toBe(false);
    expect(await checkLimit(limit, t0)).toEqual({ limited: true, retryAfterMs: 60_000 });
    const fourth = await consumeLimit(limit, new Date(t0.getTime() + 20_000));
    expect(fourth).toEqual({ limited: true, retryAfterMs: 40_000 });
    const after = new Date(t0.getTime() + 60_001);
    expect((await checkLimit(limit, after)).limited).toBe(false);
    expect((await consumeLimit(limit, after)).limited).toBe(false);
  });
  it('keeps keys apart', async () => {
    const now = new Date();
    for (let i = 0; i < 4; i++) await consumeLimit({ ...limit, key: 'test:b' }, now);
    expect((await checkLimit({ ...limit, key: 'test:c' }, now)).limited).toBe(false);
  });
  it('rounds minutes up and never says 0', () => {
    expect(minutesUntil(1)).toBe(1);
    expect(minutesUntil(60_001)).toBe(2);
  });
});
