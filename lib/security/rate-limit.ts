import 'server-only';
import { clearRateLimit, hitRateLimit, readRateLimit } from '@/db/rate-limits';

export type Limit = { key: string; max: number; windowMs: number };
export type LimitState = { limited: boolean; retryAfterMs: number };

/** Whether the key has used up its window, without counting a hit. */
export function checkLimit(limit: Limit, now: Date): LimitState {
  const row = readRateLimit({ key: limit.key });
  if (!row || row.resetAt.getTime() <= now.getTime() || row.count < limit.max) {
    return { limited: false, retryAfterMs: 0 };
  }
  return { limited: true, retryAfterMs: row.resetAt.getTime() - now.getTime() };
}

/** Counts a hit and says whether the key is now over its limit. */
export function consumeLimit(limit: Limit, now: Date): LimitState {
  const quota = consumeQuota(limit, now);
  return { limited: quota.limited, retryAfterMs: quota.limited ? quota.resetAt.getTime() - now.getTime() : 0 };
}

export type QuotaState = { limited: boolean; left: number; resetAt: Date };

/**
 * Counts a hit (one atomic upsert, so parallel requests cannot overrun it) and
 * says whether it was over the limit, how many hits the window has left after
 * it, and when the window ends.
 */
export function consumeQuota(limit: Limit, now: Date): QuotaState {
  const row = hitRateLimit({ key: limit.key, now, windowMs: limit.windowMs });
  return { limited: row.count > limit.max, left: Math.max(0, limit.max - row.count), resetAt: row.resetAt };
}

export function resetLimit(limit: Limit): void {
  clearRateLimit({ key: limit.key });
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
