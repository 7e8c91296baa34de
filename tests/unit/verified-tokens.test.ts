import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '@/lib/auth/verified-tokens';

describe('VerifiedTokens (the session cookie cache)', () => {
  it('remembers which session a cookie names, until the time to live', () => {
    const cache = new VerifiedTokens(10, 60_000);
    cache.remember('cookie-a', 's1', 1_000);
    expect(cache.get('cookie-a', 1_000)).toBe('s1');
    expect(cache.get('cookie-a', 60_999)).toBe('s1');
    expect(cache.get('cookie-a', 61_000)).toBeUndefined();
    expect(cache.size).toBe(0); // an expired entry is dropped when seen
    expect(cache.get('never-seen', 1_000)).toBeUndefined();
  });

  it('never past the token’s own expiry, and not at all for an expired token', () => {
    const cache = new VerifiedTokens(10, 60_000);
    cache.remember('cookie-a', 's1', 0, 5_000);
    expect(cache.get('cookie-a', 4_999)).toBe('s1');
    expect(cache.get('cookie-a', 5_000)).toBeUndefined();
    cache.remember('cookie-b', 's2', 10_000, 9_000);
    expect(cache.get('cookie-b', 10_000)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new VerifiedTokens(3, 60_000);
    for (const name of ['a', 'b', 'c']) cache.remember(name, `s-${name}`, 0);
    expect(cache.get('a', 1)).toBe('s-a'); // a is now the most recent
    cache.remember('d', 's-d', 2);
    expect(cache.size).toBe(3);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(['a', 'c', 'd'].map((name) => cache.get(name, 3))).toEqual(['s-a', 's-c', 's-d']);
    for (let i = 0; i < 1_000; i += 1) cache.remember(`flood-${i}`, 's', 4);
    expect(cache.size).toBe(3);
  });

  it('forgets a cookie on demand (sign-out in this process)', () => {
    const cache = new VerifiedTokens();
    cache.remember('cookie-a', 's1', 0);
    cache.forget('cookie-a');
    expect(cache.get('cookie-a', 1)).toBeUndefined();
  });
});
