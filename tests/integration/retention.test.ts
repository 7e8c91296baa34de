import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { hitRateLimit, readRateLimit } from '@/db/rate-limits';
import { sessions } from '@/db/schema';
import { insertSession } from '@/db/sessions';
import { insertUser } from '@/db/users';
import { pruneExpired, retention, startRetention } from '@/lib/maintenance/retention';

const day = 86_400_000;
const now = new Date('2031-03-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * day);

function user() {
  return insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Rita', passwordHash: 'x', role: 'learner', createdAt: ago(400), updatedAt: ago(400) } })!;
}

function session(userId: string, { expiresAt, revokedAt }: { expiresAt: Date; revokedAt?: Date }) {
  const id = randomUUID();
  insertSession({ session: { id, userId, createdAt: ago(300), expiresAt, revokedAt: revokedAt ?? null } });
  return id;
}

const sessionIds = () => new Set(getDb().select({ id: sessions.id }).from(sessions).all().map((row) => row.id));

afterEach(() => vi.useRealTimers());

describe('retention', () => {
  it('deletes sessions that ended (expired or signed out) more than the retention ago, and keeps the rest', () => {
    const { id } = user();
    const keep = retention.endedSessionsDays;
    const live = session(id, { expiresAt: new Date(now.getTime() + 10 * day) });
    const expiredRecently = session(id, { expiresAt: ago(keep - 1) });
    const expiredLongAgo = session(id, { expiresAt: ago(keep + 1) });
    const signedOutRecently = session(id, { expiresAt: new Date(now.getTime() + day), revokedAt: ago(keep - 1) });
    const signedOutLongAgo = session(id, { expiresAt: new Date(now.getTime() + day), revokedAt: ago(keep + 1) });

    const deleted = pruneExpired(now);

    const left = sessionIds();
    expect(left.has(live) && left.has(expiredRecently) && left.has(signedOutRecently)).toBe(true);
    expect(left.has(expiredLongAgo) || left.has(signedOutLongAgo)).toBe(false);
    expect(Object.values(deleted)).toContain(2);
  });

  it('deletes rate-limit counters whose window has ended, and keeps running windows', () => {
    hitRateLimit({ key: 'ended', now: ago(1), windowMs: 60_000 });
    hitRateLimit({ key: 'ends-now', now: new Date(now.getTime() - 60_000), windowMs: 60_000 });
    hitRateLimit({ key: 'running', now, windowMs: 60_000 });
    hitRateLimit({ key: 'running', now, windowMs: 60_000 });

    pruneExpired(now);

    expect(readRateLimit({ key: 'ended' })).toBeUndefined();
    expect(readRateLimit({ key: 'ends-now' })).toBeUndefined();
    expect(readRateLimit({ key: 'running' })).toMatchObject({ count: 2 });
  });

  it('runs at start, then every period, until stopped, logging only what it deleted', () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const lines: string[] = [];
    hitRateLimit({ key: 'old-1', now: new Date(Date.now() - day), windowMs: 1000 });
    const stop = startRetention((line) => lines.push(line));
    expect(readRateLimit({ key: 'old-1' })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^Pruned 1 expired rate-limit counters$/)]);

    hitRateLimit({ key: 'old-2', now: new Date(Date.now() - day), windowMs: 1000 });
    vi.advanceTimersByTime(retention.everyMs - 1000);
    expect(readRateLimit({ key: 'old-2' })).toBeDefined();
    vi.advanceTimersByTime(1000);
    expect(readRateLimit({ key: 'old-2' })).toBeUndefined();

    stop();
    hitRateLimit({ key: 'old-3', now: new Date(Date.now() - day), windowMs: 1000 });
    vi.advanceTimersByTime(retention.everyMs * 2);
    expect(readRateLimit({ key: 'old-3' })).toBeDefined();
    expect(lines).toHaveLength(2);
  });
});
