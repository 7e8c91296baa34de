import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, rows, tables } from '@/db/query';
import { hitRateLimit, readRateLimit } from '@/db/rate-limits';
import { insertSession } from '@/db/sessions';
import { insertUser } from '@/db/users';
import { pruneExpired, retention, startRetention } from '@/lib/maintenance/retention';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { sessions } = tables();

const day = 86_400_000;
const now = new Date('2031-03-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * day);

async function user() {
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Rita', passwordHash: 'x', role: 'learner', createdAt: ago(400), updatedAt: ago(400) } }))!;
}

async function session(userId: string, { expiresAt, revokedAt }: { expiresAt: Date; revokedAt?: Date }) {
  const id = randomUUID();
  await insertSession({ session: { id, userId, createdAt: ago(300), expiresAt, revokedAt: revokedAt ?? null } });
  return id;
}

const sessionIds = async () => new Set((await rows(db().select({ id: sessions.id }).from(sessions))).map((row) => row.id));

afterEach(() => vi.useRealTimers());

describe('retention', () => {
  it('deletes sessions that ended (expired or signed out) more than the retention ago, and keeps the rest', async () => {
    const { id } = await user();
    const keep = retention.endedSessionsDays;
    const live = await session(id, { expiresAt: new Date(now.getTime() + 10 * day) });
    const expiredRecently = await session(id, { expiresAt: ago(keep - 1) });
    const expiredLongAgo = await session(id, { expiresAt: ago(keep + 1) });
    const signedOutRecently = await session(id, { expiresAt: new Date(now.getTime() + day), revokedAt: ago(keep - 1) });
    const signedOutLongAgo = await session(id, { expiresAt: new Date(now.getTime() + day), revokedAt: ago(keep + 1) });

    const deleted = await pruneExpired(now);

    const left = await sessionIds();
    expect(left.has(live) && left.has(expiredRecently) && left.has(signedOutRecently)).toBe(true);
    expect(left.has(expiredLongAgo) || left.has(signedOutLongAgo)).toBe(false);
    expect(Object.values(deleted)).toContain(2);
  });

  it('deletes rate-limit counters whose window has ended, and keeps running windows', async () => {
    await hitRateLimit({ key: 'ended', now: ago(1), windowMs: 60_000 });
    await hitRateLimit({ key: 'ends-now', now: new Date(now.getTime() - 60_000), windowMs: 60_000 });
    await hitRateLimit({ key: 'running', now, windowMs: 60_000 });
    await hitRateLimit({ key: 'running', now, windowMs: 60_000 });

    await pruneExpired(now);

    expect(await readRateLimit({ key: 'ended' })).toBeUndefined();
    expect(await readRateLimit({ key: 'ends-now' })).toBeUndefined();
    expect(await readRateLimit({ key: 'running' })).toMatchObject({ count: 2 });
  });

  it('runs at start, then every period, until stopped, logging only what it deleted', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const lines: string[] = [];
    await hitRateLimit({ key: 'old-1', now: new Date(Date.now() - day), windowMs: 1000 });
    const stop = startRetention((line) => lines.push(line));
    await prunedOnce(lines, 1);
    expect(await readRateLimit({ key: 'old-1' })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^Pruned 1 expired rate-limit counters$/)]);

    await hitRateLimit({ key: 'old-2', now: new Date(Date.now() - day), windowMs: 1000 });
    vi.advanceTimersByTime(retention.everyMs - 1000);
    expect(await readRateLimit({ key: 'old-2' })).toBeDefined();
    vi.advanceTimersByTime(1000);
    await prunedOnce(lines, 2);
    expect(await readRateLimit({ key: 'old-2' })).toBeUndefined();

    stop();
    await hitRateLimit({ key: 'old-3', now: new Date(Date.now() - day), windowMs: 1000 });
    vi.advanceTimersByTime(retention.everyMs * 2);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a run, had it been scheduled, would have finished
    expect(await readRateLimit({ key: 'old-3' })).toBeDefined();
    expect(lines).toHaveLength(2);
  });
});

/** Pruning runs in the background (the database is asynchronous): waits, on real time, for its `count`th log line. */
async function prunedOnce(lines: string[], count: number): Promise<void> {
  for (let i = 0; i < 300 && lines.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}
