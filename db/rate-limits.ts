import 'server-only';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { getDb } from './client';
import { rateLimits, type RateLimit } from './schema';

/**
 * Counts one hit in the key's fixed window with a single upsert (no read-modify-write
 * race between workers): a window that has ended starts over at 1.
 */
export function hitRateLimit({ key, now, windowMs }: { key: string; now: Date; windowMs: number }): RateLimit {
  const resetAt = new Date(now.getTime() + windowMs);
  return getDb()
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${now.getTime()} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now.getTime()} then ${resetAt.getTime()} else ${rateLimits.resetAt} end`,
      },
    })
    .returning()
    .get();
}

/** Takes back one hit of a window that is still running (an attempt that was refused or not evaluated); never below 0. */
export function refundRateLimit({ key, now }: { key: string; now: Date }): void {
  getDb()
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)))
    .run();
}

/** Keeps the key alive until `until` (a mark rather than a counter: created, or its end moved later). */
export function markRateLimitKey({ key, until }: { key: string; until: Date }): void {
  getDb()
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: until })
    .onConflictDoUpdate({ target: rateLimits.key, set: { resetAt: sql`max(${rateLimits.resetAt}, ${until.getTime()})` } })
    .run();
}

export function readRateLimit({ key }: { key: string }): RateLimit | undefined {
  return getDb().select().from(rateLimits).where(eq(rateLimits.key, key)).get();
}

export function clearRateLimit({ key }: { key: string }): void {
  getDb().delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/** Deletes the counters whose window has ended (hitRateLimit would start them over anyway); returns how many. */
export function deleteExpiredRateLimits({ now }: { now: Date }): number {
  return getDb().delete(rateLimits).where(lte(rateLimits.resetAt, now)).run().changes;
}
