import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changes, db, tables } from '@/db/query';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { sessions, users } = tables();

// The request's cookies and Auth.js's decryption, counted: the cache must spare the second, never the database check.
const request = vi.hoisted(() => ({ cookie: undefined as string | undefined, decrypts: 0, sessionFor: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'authjs.session-token' && request.cookie ? { value: request.cookie } : undefined) }),
}));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));
vi.mock('@/lib/auth/auth', () => ({
  auth: async () => {
    request.decrypts += 1;
    const sessionId = request.cookie && request.sessionFor.get(request.cookie);
    return sessionId ? { sessionId, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
  },
}));

const { getCurrentUser } = await import('@/lib/auth/session');

async function signIn(role: 'learner' | 'admin' = 'learner') {
  const now = new Date();
  const userId = randomUUID();
  const sessionId = randomUUID();
  (await changes(db().insert(users).values({ id: userId, email: `${userId}@example.com`, name: 'Cache Test', passwordHash: 'x', role, createdAt: now, updatedAt: now })));
  (await changes(db().insert(sessions).values({ id: sessionId, userId, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) })));
  const cookie = `token-${sessionId}`;
  request.sessionFor.set(cookie, sessionId);
  return { userId, sessionId, cookie };
}

beforeEach(() => {
  request.decrypts = 0;
  request.cookie = undefined;
});

describe('getCurrentUser with the session cookie cache', () => {
  it('decrypts a cookie once, then answers from memory', async () => {
    const { cookie, userId } = await signIn();
    request.cookie = cookie;
    for (let i = 0; i < 5; i += 1) expect((await getCurrentUser())?.id).toBe(userId);
    expect(request.decrypts).toBe(1);
  });

  it('sign-out, a password change or "sign out everywhere" act on the very next request', async () => {
    const { cookie, sessionId } = await signIn();
    request.cookie = cookie;
    expect(await getCurrentUser()).not.toBeNull();
    (await changes(db().update(sessions).set({ revokedAt: new Date() })));
    expect(await getCurrentUser()).toBeNull();
    expect(request.decrypts).toBe(1);
    expect(sessionId).toBeTruthy();
  });

  it('a role change is seen on the next request', async () => {
    const { cookie, userId } = await signIn('admin');
    request.cookie = cookie;
    expect((await getCurrentUser())?.role).toBe('admin');
    (await changes(db().update(users).set({ role: 'learner' })));
    expect((await getCurrentUser())?.role).toBe('learner');
    expect(userId).toBeTruthy();
  });

  it('no cookie or an unknown one: nobody, and a garbage cookie is never remembered', async () => {
    expect(await getCurrentUser()).toBeNull();
    expect(request.decrypts).toBe(0);
    request.cookie = 'garbage';
    expect(await getCurrentUser()).toBeNull();
    expect(await getCurrentUser()).toBeNull();
    expect(request.decrypts).toBe(2);
  });
});
