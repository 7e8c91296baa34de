import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readRateLimit } from '@/db/rate-limits';
import { insertUser } from '@/db/users';
import { hold, passwordCalls, passwordStub } from '../support/counted-password';

// Sign-in throttles counted in password checks that ran, not in time: lib/auth/password is
// replaced by a cheap counted stand-in (the real scrypt is tested in tests/unit/password.test.ts).
vi.mock('@/lib/auth/password', () => passwordStub);
const { checkCredentials } = await import('@/lib/auth/credentials');
const { signInLimits } = await import('@/lib/auth/throttle');
const { passwordQueue, passwordQueueLimits } = await import('@/lib/auth/password-queue');

const password = 'the owner’s own passphrase';
let owner = '';

async function makeUser(email: string) {
  const now = new Date();
  await insertUser({ user: { id: randomUUID(), email, name: 'Owner', passwordHash: `test$${password}`, role: 'learner', createdAt: now, updatedAt: now } });
}

/** A fresh account per test, and the hash counter from zero. */
beforeEach(async () => {
  owner = `owner.${randomUUID()}@example.com`;
  await makeUser(owner);
  passwordCalls.verify = 0;
});

const guess = (email: string, ip: string, now?: Date, typed = 'a wrong guess') => checkCredentials({ email, password: typed }, ip, now);
const addresses = (n: number, prefix = '198.51.100') => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

describe('sign-in throttles under concurrency', () => {
  it('20 parallel wrong passwords for one account from one address: exactly 5 are checked, 15 refused before hashing', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(owner, '203.0.113.66', undefined, `guess ${i}`)));
    expect(passwordCalls.verify).toBe(5);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(15);
    // Refusals cost nothing: the account × address counter holds the 5 failures, no more.
    expect((await readRateLimit({ key: signInLimits.accountAddress(owner, '203.0.113.66').key }))?.count).toBe(5);
  });

  it('an unknown e-mail is throttled exactly the same way (nothing tells it apart)', async () => {
    const ghost = `ghost.${randomUUID()}@example.com`;
    const results = await Promise.all(Array.from({ length: 20 }, () => guess(ghost, '203.0.113.68')));
    expect(passwordCalls.verify).toBe(5);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(15);
  });

  it('5 wrong passwords from one address do not lock the owner out elsewhere', async () => {
    for (let i = 0; i < 6; i++) await guess(owner, '203.0.113.70');
    expect(await guess(owner, '203.0.113.70', undefined, password)).toMatchObject({ reason: 'throttled' });
    expect((await guess(owner, '192.0.2.10', undefined, password)).ok).toBe(true);
  });

  it('a botnet gets 50 guesses an hour at one account, then none; the owner still signs in from an address they used', async () => {
    const now = new Date('2032-03-01T10:00:00Z');
    expect((await guess(owner, '192.0.2.20', now, password)).ok).toBe(true); // the owner at home, before the attack
    passwordCalls.verify = 0;
    for (const ip of addresses(60)) await guess(owner, ip, now);
    expect(passwordCalls.verify).toBe(50);
    const blocked = await guess(owner, '198.51.100.99', now, password);
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 60 * 60_000 });
    // At home the ceiling does not apply: the botnet cannot lock the owner out there.
    expect((await guess(owner, '192.0.2.20', now, password)).ok).toBe(true);
    // After the hour, a new address works again.
    expect((await guess(owner, '198.51.100.99', new Date(now.getTime() + 60 * 60_000 + 1), password)).ok).toBe(true);
  });

  it('an address gets 20 failures across accounts in 15 minutes, refused before hashing', async () => {
    const now = new Date('2032-04-01T10:00:00Z');
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await guess(`spray${i}.${randomUUID()}@example.com`, '203.0.113.80', now));
    expect(passwordCalls.verify).toBe(20);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(10);
    expect(await guess(owner, '203.0.113.80', now, password)).toMatchObject({ reason: 'throttled', retryAfterMs: 15 * 60_000 });
    expect((await guess(owner, '203.0.113.81', now, password)).ok).toBe(true);
  });

  it('successes do not use up an address (an office signs in 30 people), and a success clears the account × address failures', async () => {
    const now = new Date('2032-05-01T10:00:00Z');
    const staff = Array.from({ length: 30 }, () => `staff.${randomUUID()}@example.com`);
    await Promise.all(staff.map(makeUser));
    for (const email of staff) expect((await guess(email, '203.0.113.90', now, password)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await guess(owner, '203.0.113.91', now);
    expect((await guess(owner, '203.0.113.91', now, password)).ok).toBe(true);
    passwordCalls.verify = 0;
    for (let i = 0; i < 6; i++) await guess(owner, '203.0.113.91', now);
    expect(passwordCalls.verify).toBe(5);
  });

  it('when the password queue is full, a sign-in is refused at once as busy and not counted', async () => {
    const release = hold();
    try {
      // 2 checks run and 8 wait (every one held): the sign-in line is full.
      const waiting = addresses(10, '203.0.114').map((ip) => guess(`w.${randomUUID()}@example.com`, ip));
      // Each reaches the queue after its throttle counts (database round trips): wait until all are in it.
      for (let i = 0; i < 500 && passwordQueue().stats().waiting.signIn < passwordQueueLimits.waiting.signIn; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      const busy = await guess(owner, '203.0.113.95', undefined, password);
      expect(busy).toMatchObject({ ok: false, reason: 'busy' });
      if (!busy.ok && busy.reason === 'busy') expect(busy.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((await readRateLimit({ key: signInLimits.accountAddress(owner, '203.0.113.95').key }))?.count ?? 0).toBe(0);
      release();
      await Promise.all(waiting);
    } finally {
      release();
    }
    expect((await guess(owner, '203.0.113.95', undefined, password)).ok).toBe(true);
  });
});
