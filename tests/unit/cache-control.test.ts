import { describe, expect, it } from 'vitest';
import { frontCacheControl, sharedCacheSeconds } from '@/lib/http/cache-control';

describe('frontCacheControl', () => {
  it('turns Next’s year-long shared cache of a prerendered page into seconds, so a correction shows within a minute', () => {
    const value = frontCacheControl('s-maxage=31536000');
    expect(value).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect(sharedCacheSeconds.fresh + sharedCacheSeconds.stale).toBeLessThanOrEqual(60);
    expect(frontCacheControl('s-maxage=31536000, stale-while-revalidate=31536000')).toBe(value);
  });

  it('leaves private, no-store and short values alone', () => {
    for (const value of ['private, no-store', 'private, no-cache, no-store, max-age=0, must-revalidate', 'public, max-age=31536000, immutable', 's-maxage=10', 'max-age=120']) {
      expect(frontCacheControl(value)).toBe(value);
    }
  });
});
