import 'server-only';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { bySql, changes, db, first, tables } from './query';
import type { RateLimit } from './schema';

/**
 * Counts one hit in the key's fixed window with a single upsert (no read-modify-write
 * race between workers, on either engine): a window that has ended starts over at 1.
 */
export async function hitRateLimit({ key, now, windowMs }: { key: string; now: Date; windowMs: number }): Promise<RateLimit> {
  const { rateLimits } = tables();
  const resetAt = new Date(now.getTime() + windowMs);
  const row = await first(
    db()
      .insert(rateLimits)
      .values({ key, count: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.resetAt} <= ${now.getTime()} then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${rateLimits.resetAt} <= ${now.getTime()} then ${resetAt.getTime()} else ${rateLimits.resetAt} end`,
        },
      })
      .returning(),
  );
  return row!;
}

/** Takes back one hit of a window that is still running (an attempt that was refused or not evaluated); never below 0. */
export async function refundRateLimit({ key, now }: { key: string; now: Date }): Promise<void> {
  const { rateLimits } = tables();
  const lessOne = bySql({ sqlite: sql`max(${rateLimits.count} - 1, 0)`, postgres: sql`greatest(${rateLimits.count} - 1, 0)` });
  await changes(
    db()
      .update(rateLimits)
      .set({ count: lessOne })
      .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now))),
  );
}

/** Keeps the key alive until `until` (a mark rather than a counter: created, or its end moved later). */
export async function markRateLimitKey({ key, until }: { key: string; until: Date }): Promise<void> {
  const { rateLimits } = tables();
  const later = bySql({ sqlite: sql`max(${rateLimits.resetAt}, ${until.getTime()})`, postgres: sql`greatest(${rateLimits.resetAt}, ${until.getTime()})` });
  await changes(
    db()
      .insert(rateLimits)
      .values({ key, count: 1, resetAt: until })
      .onConflictDoUpdate({ target: rateLimits.key, set: { resetAt: later } }),
  );
}

export async function readRateLimit({ key }: { key: string }): Promise<RateLimit | undefined> {
  const { rateLimits } = tables();
  return first(db().select().from(rateLimits).where(eq(rateLimits.key, key)));
}

export async function clearRateLimit({ key }: { key: string }): Promise<void> {
  const { rateLimits } = tables();
  await changes(db().delete(rateLimits).where(eq(rateLimits.key, key)));
}

/** Deletes the counters whose window has ended (hitRateLimit would start them over anyway); returns how many. */
export async function deleteExpiredRateLimits({ now }: { now: Date }): Promise<number> {
  const { rateLimits } = tables();
  return changes(db().delete(rateLimits).where(lte(rateLimits.resetAt, now)));
}
