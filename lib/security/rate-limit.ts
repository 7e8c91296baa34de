import 'server-only';
import { clearRateLimit, hitRateLimit, markRateLimitKey, readRateLimit, refundRateLimit } from '@/db/rate-limits';

export type Limit = { key: string; max: number; windowMs: number };
export type LimitState = { limited: boolean; retryAfterMs: number };

/** Whether the key has used up its window, without counting a hit. */
export async function checkLimit(limit: Limit, now: Date): Promise<LimitState> {
  const row = await readRateLimit({ key: limit.key });
  if (!row || row.resetAt.getTime() <= now.getTime() || row.count < limit.max) {
    return { limited: false, retryAfterMs: 0 };
  }
  return { limited: true, retryAfterMs: row.resetAt.getTime() - now.getTime() };
}

/** Counts a hit and says whether the key is now over its limit. */
export async function consumeLimit(limit: Limit, now: Date): Promise<LimitState> {
  const quota = await consumeQuota(limit, now);
  return { limited: quota.limited, retryAfterMs: quota.limited ? quota.resetAt.getTime() - now.getTime() : 0 };
}

export type QuotaState = { limited: boolean; left: number; resetAt: Date };

/**
 * Counts a hit (one atomic upsert, so parallel requests cannot overrun it) and
 * says whether it was over the limit, how many hits the window has left after
 * it, and when the window ends.
 */
export async function consumeQuota(limit: Limit, now: Date): Promise<QuotaState> {
  const row = await hitRateLimit({ key: limit.key, now, windowMs: limit.windowMs });
  return { limited: row.count > limit.max, left: Math.max(0, limit.max - row.count), resetAt: row.resetAt };
}

export async function resetLimit(limit: Limit): Promise<void> {
  await clearRateLimit({ key: limit.key });
}

/** Takes back one hit counted in the window now running (for a hit that was refused, or whose work never ran). */
export async function refundLimit(limit: Limit, now: Date): Promise<void> {
  await refundRateLimit({ key: limit.key, now });
}

/** Marks the key as seen for `windowMs` from now (the window's end only moves later); `isMarked` asks. */
export async function markKey(limit: Limit, now: Date): Promise<void> {
  await markRateLimitKey({ key: limit.key, until: new Date(now.getTime() + limit.windowMs) });
}

export async function isMarked(limit: Limit, now: Date): Promise<boolean> {
  const row = await readRateLimit({ key: limit.key });
  return !!row && row.resetAt.getTime() > now.getTime();
}

/**
 * Counts one hit on every limit at once, before the work they guard, and says
 * whether all of them had room. Refused hits are taken back, so a refusal costs
 * nothing; hits that had room stay counted until the caller refunds or resets
 * them. Each count is one atomic upsert, so N parallel callers see N different
 * counts and at most `max` of them get through, however they interleave.
 */
export async function consumeAll(limits: Limit[], now: Date): Promise<LimitState> {
  const quotas: QuotaState[] = [];
  for (const limit of limits) quotas.push(await consumeQuota(limit, now));
  const over = quotas.filter((quota) => quota.limited);
  if (over.length === 0) return { limited: false, retryAfterMs: 0 };
  for (const limit of limits) await refundLimit(limit, now);
  return { limited: true, retryAfterMs: Math.max(...over.map((quota) => quota.resetAt.getTime() - now.getTime())) };
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
