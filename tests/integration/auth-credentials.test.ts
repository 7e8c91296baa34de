import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLiveSessionUser, revokeSession, revokeUserSessions } from '@/db/sessions';
import { insertUser, updateUserRole } from '@/db/users';
import { checkCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';

const password = 'a long enough secret';

async function makeUser(email: string) {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email, name: 'Ada', passwordHash: await hashPassword(password), role: 'learner', createdAt: now, updatedAt: now } }))!;
}

describe('checkCredentials', () => {
  beforeAll(async () => {
    await makeUser('ada@example.com');
  });

  it('signs in with the right password, case-insensitive e-mail, and opens a live session', async () => {
    const result = await checkCredentials({ email: ' ADA@example.com ', password }, '10.0.0.1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const live = await findLiveSessionUser({ sessionId: result.user.sessionId, now: new Date() });
    expect(live?.email).toBe('ada@example.com');
    expect(live?.role).toBe('learner');
  });

  it('answers the same for a wrong password and an unknown e-mail', async () => {
    const wrong = await checkCredentials({ email: 'ada@example.com', password: 'nope nope nope' }, '10.0.0.2');
    const unknown = await checkCredentials({ email: 'nobody@example.com', password }, '10.0.0.2');
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
  });

  it('treats malformed input as invalid, not as an error', async () => {
    expect(await checkCredentials({ email: 42, password: null }, 'x')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(undefined, 'x')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles an account from one address after 5 failures, even with the right password; other addresses still work', async () => {
    await makeUser('target@example.com');
    const now = new Date('2030-01-01T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      expect((await checkCredentials({ email: 'target@example.com', password: `wrong ${i} password` }, '10.1.0.1', now)).ok).toBe(false);
    }
    const blocked = await checkCredentials({ email: 'target@example.com', password }, '10.1.0.1', now);
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    if (!blocked.ok && blocked.reason === 'throttled') expect(blocked.retryAfterMs).toBe(15 * 60_000);
    // The guesser's address is not the owner's: 5 wrong passwords from anywhere no longer lock the owner out.
    expect((await checkCredentials({ email: 'target@example.com', password }, '10.9.9.9', now)).ok).toBe(true);
    // The window ends: the right password works again from the first address too.
    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    expect((await checkCredentials({ email: 'target@example.com', password }, '10.1.0.1', later)).ok).toBe(true);
  });

  it('throttles an address after 20 failures across accounts', async () => {
    const now = new Date('2031-01-01T10:00:00Z');
    for (let i = 0; i < 20; i++) await checkCredentials({ email: `spray${i}@example.com`, password: 'guess guess' }, '192.0.2.7', now);
    expect(await checkCredentials({ email: 'ada@example.com', password }, '192.0.2.7', now)).toMatchObject({ reason: 'throttled' });
    expect((await checkCredentials({ email: 'ada@example.com', password }, '192.0.2.8', now)).ok).toBe(true);
  }, 120_000); // 22 scrypt hashes at OWASP cost: slow on a busy machine, by design
});

describe('sessions', () => {
  it('a revoked session is no longer live; a role change shows at once', async () => {
    const user = await makeUser('rev@example.com');
    const result = await checkCredentials({ email: 'rev@example.com', password }, '10.0.0.3');
    if (!result.ok) throw new Error('sign-in failed');
    const sid = result.user.sessionId;
    await updateUserRole({ id: user.id, role: 'editor', now: new Date() });
    expect((await findLiveSessionUser({ sessionId: sid, now: new Date() }))?.role).toBe('editor');
    await revokeSession({ sessionId: sid, now: new Date() });
    expect(await findLiveSessionUser({ sessionId: sid, now: new Date() })).toBeUndefined();
  });

  it('revoking all of a user’s sessions ends every one; expired sessions are not live', async () => {
    const user = await makeUser('all@example.com');
    const a = await checkCredentials({ email: 'all@example.com', password }, '10.0.0.4');
    const b = await checkCredentials({ email: 'all@example.com', password }, '10.0.0.5');
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    const farFuture = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    expect(await findLiveSessionUser({ sessionId: a.user.sessionId, now: farFuture })).toBeUndefined();
    await revokeUserSessions({ userId: user.id, now: new Date() });
    expect(await findLiveSessionUser({ sessionId: a.user.sessionId, now: new Date() })).toBeUndefined();
    expect(await findLiveSessionUser({ sessionId: b.user.sessionId, now: new Date() })).toBeUndefined();
  });

  it('a duplicate e-mail is refused by the database, not half-inserted', async () => {
    await makeUser('dup@example.com');
    const now = new Date();
    expect(await insertUser({ user: { id: randomUUID(), email: 'dup@example.com', name: 'B', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } })).toBeUndefined();
  });
});
