import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { preparedFirst, preparedRows, type Bound } from '@/db/prepared';
import { listLessonProgress, progressTransaction } from '@/db/progress';
import { changes, db, engine, tables } from '@/db/query';
import { findLiveSessionUser } from '@/db/sessions';

const { sessions, users } = tables();

async function userWithSession(expiresAt: Date, revokedAt: Date | null = null) {
  const now = new Date();
  const userId = randomUUID();
  const sessionId = randomUUID();
  await changes(db().insert(users).values({ id: userId, email: `${userId}@example.com`, name: 'Prepared', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now }));
  await changes(db().insert(sessions).values({ id: sessionId, userId, createdAt: now, expiresAt, revokedAt }));
  return { userId, sessionId };
}

describe('hot queries built once (db/prepared.ts)', () => {
  it('finds a live session and compares its expiry to the millisecond (the Date bound as the column stores it)', async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const { userId, sessionId } = await userWithSession(expiresAt);
    expect((await findLiveSessionUser({ sessionId, now: new Date(expiresAt.getTime() - 1) }))?.id).toBe(userId);
    expect(await findLiveSessionUser({ sessionId, now: expiresAt })).toBeUndefined();
    expect(await findLiveSessionUser({ sessionId, now: new Date(expiresAt.getTime() + 1) })).toBeUndefined();
    // The same query again with other values: nothing of the first call's values is kept.
    const other = await userWithSession(new Date(Date.now() + 60_000));
    expect((await findLiveSessionUser({ sessionId: other.sessionId, now: new Date() }))?.id).toBe(other.userId);
    expect(await findLiveSessionUser({ sessionId: randomUUID(), now: new Date() })).toBeUndefined();
  });

  it('returns the row with its types (Dates, nulls) as an unprepared query does', async () => {
    const { sessionId } = await userWithSession(new Date(Date.now() + 60_000));
    const user = await findLiveSessionUser({ sessionId, now: new Date() });
    expect(user).toMatchObject({ sessionId, role: 'learner', emailVerifiedAt: null, lastSeenAt: null });
  });

  it('refuses a revoked session', async () => {
    const { sessionId } = await userWithSession(new Date(Date.now() + 60_000), new Date());
    expect(await findLiveSessionUser({ sessionId, now: new Date() })).toBeUndefined();
  });

  it('builds the SQL once on SQLite, per call on PostgreSQL', async () => {
    let builds = 0;
    const nameOf = preparedFirst(['id'], ({ id }: Bound<{ id: string }>) => {
      builds += 1;
      return db().select({ name: users.name }).from(users).where(eq(users.id, id));
    });
    const a = await userWithSession(new Date(Date.now() + 60_000));
    const b = await userWithSession(new Date(Date.now() + 60_000));
    for (let i = 0; i < 3; i += 1) {
      expect(await nameOf({ id: a.userId })).toEqual({ name: 'Prepared' });
      expect(await nameOf({ id: b.userId })).toEqual({ name: 'Prepared' });
    }
    expect(await nameOf({ id: 'nobody' })).toBeUndefined();
    expect(builds).toBe(engine() === 'sqlite' ? 1 : 7);
  });

  it('lists rows with a query built once, bound anew each call', async () => {
    let builds = 0;
    const namesLike = preparedRows(['pattern'], ({ pattern }: Bound<{ pattern: string }>) => {
      builds += 1;
      return db().select({ id: users.id }).from(users).where(like(users.email, pattern));
    });
    const a = await userWithSession(new Date(Date.now() + 60_000));
    expect(await namesLike({ pattern: `${a.userId}%` })).toEqual([{ id: a.userId }]);
    expect(await namesLike({ pattern: 'nobody%' })).toEqual([]);
    expect(builds).toBe(engine() === 'sqlite' ? 1 : 2);
  });

  it("lists a learner's rows of one course only, and of every course without one", async () => {
    const { userId } = await userWithSession(new Date(Date.now() + 60_000));
    const now = new Date();
    const row = (course: string, lesson: string) => ({ userId, course, lesson, position: 0, intervals: '[]', watchedSeconds: 0, firstActivityAt: now, updatedAt: now });
    await progressTransaction({ userId }, async (q) => {
      for (const [course, lesson] of [['a', 'one'], ['a', 'two'], ['b', 'three']]) await q.save({ row: row(course!, lesson!) });
    });
    expect((await listLessonProgress({ userId, course: 'a' })).map((r) => r.lesson).sort()).toEqual(['one', 'two']);
    expect((await listLessonProgress({ userId, course: 'b' })).map((r) => r.lesson)).toEqual(['three']);
    expect(await listLessonProgress({ userId: 'nobody', course: 'a' })).toEqual([]);
    expect(await listLessonProgress({ userId })).toHaveLength(3);
  });

  it('reads, inside a progress transaction, what that transaction wrote', async () => {
    const { userId } = await userWithSession(new Date(Date.now() + 60_000));
    const now = new Date();
    const seen = await progressTransaction({ userId }, async (q) => {
      const before = await q.allowance({ userId });
      await q.saveAllowance({ allowance: { userId, balance: 12, refilledAt: now, windowStartedAt: now, heartbeatsInWindow: 1 } });
      return { before, after: await q.allowance({ userId }) };
    });
    expect(seen.before).toBeUndefined();
    expect(seen.after).toMatchObject({ userId, balance: 12, heartbeatsInWindow: 1 });
    expect(seen.after?.refilledAt.getTime()).toBe(now.getTime());
  });
});
