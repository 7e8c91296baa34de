import { randomUUID } from 'node:crypto';
import { CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countUsers, findUserByEmail } from '@/db/users';
import { clientAddressHeader } from '@/lib/http/client-address';
import { clientAddressMarker } from '@/lib/http/client-ip';
import { idleForm } from '@/lib/http/form-state';
import { hold, passwordCalls, passwordStub } from '../support/counted-password';

// Registration limits and the password queue, counted in hashes that ran (lib/auth/password is
// a cheap counted stand-in). The action runs with the request's headers and Auth.js's signIn mocked.
vi.mock('@/lib/auth/password', () => passwordStub);
const request = vi.hoisted(() => ({ address: '192.0.2.1' }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-aula-client-address': request.address }) }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => null }));
vi.mock('@/lib/auth/auth', () => ({
  // As Auth.js does: check the credentials, then redirect on success or throw CredentialsSignin.
  signIn: async (_provider: string, { email, password, redirectTo }: { email: string; password: string; redirectTo: string }) => {
    const result = await checkCredentials({ email, password }, request.address);
    if (!result.ok) throw new CredentialsSignin();
    redirect(redirectTo);
  },
  signOut: async () => undefined,
}));
process.env[clientAddressMarker] = '1';
expect(clientAddressHeader).toBe('x-aula-client-address');

const { checkCredentials } = await import('@/lib/auth/credentials');
const { registerAccount, registrationLimit } = await import('@/lib/auth/registration');
const { registerAction } = await import('@/lib/auth/actions');
const { passwordQueue, passwordQueueLimits } = await import('@/lib/auth/password-queue');

const password = 'a passphrase of my own';
const account = (email = `new.${randomUUID()}@example.com`) => ({ name: 'New Person', email, password });

beforeEach(() => {
  passwordCalls.hash = 0;
  passwordCalls.verify = 0;
});

describe('registration', () => {
  it('allows 5 accounts per address and hour, refused before hashing, then the next hour again', async () => {
    const now = new Date('2033-01-01T10:00:00Z');
    for (let i = 0; i < 5; i++) expect(await registerAccount(account(), '203.0.113.10', now)).toMatchObject({ status: 'created' });
    const users = await countUsers();
    const hashes = passwordCalls.hash;
    const refused = await registerAccount(account(), '203.0.113.10', now);
    expect(refused).toEqual({ status: 'throttled', retryAfterMs: 60 * 60_000 });
    expect(passwordCalls.hash).toBe(hashes);
    expect(await countUsers()).toBe(users);
    expect(await registerAccount(account(), '203.0.113.11', now)).toMatchObject({ status: 'created' });
    expect(await registerAccount(account(), '203.0.113.10', new Date(now.getTime() + 60 * 60_000 + 1))).toMatchObject({ status: 'created' });
  });

  it('30 parallel sign-ups from one address: 5 accounts, the rest refused without a hash', async () => {
    const now = new Date('2033-02-01T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 30 }, () => registerAccount(account(), '203.0.113.20', now)));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'throttled')).toHaveLength(25);
    expect(passwordCalls.hash).toBe(5);
  });

  it('a taken address changes nothing, does the same work and counts the same as a new one', async () => {
    const now = new Date('2033-03-01T10:00:00Z');
    const email = `taken.${randomUUID()}@example.com`;
    expect(await registerAccount(account(email), '203.0.113.30', now)).toMatchObject({ status: 'created' });
    expect((await checkCredentials({ email, password }, '203.0.113.30', now)).ok).toBe(true); // what a new account does next
    const newAccountWork = { ...passwordCalls };
    const before = await findUserByEmail({ email });
    passwordCalls.hash = 0;
    passwordCalls.verify = 0;
    const again = await registerAccount({ name: 'Someone Else', email, password: 'another passphrase' }, '203.0.113.30', now);
    expect(again).toEqual({ status: 'taken' });
    expect(passwordCalls).toEqual(newAccountWork); // one hash and one check, either way
    expect(await findUserByEmail({ email })).toEqual(before);
    // Both attempts were counted: 3 more, then the limit, whichever addresses they were.
    for (let i = 0; i < 3; i++) expect((await registerAccount(account(), '203.0.113.30', now)).status).toBe('created');
    expect((await registerAccount(account(email), '203.0.113.30', now)).status).toBe('throttled');
  });

  it('a burst of sign-ups from many addresses is refused at once when the queue is full, and a sign-in does not wait behind it', async () => {
    const release = hold();
    const { concurrency, waiting } = passwordQueueLimits;
    let refusedAt = Number.NaN;
    let signedInAt = Number.NaN;
    let signUpsDone = 0;
    const signUps: Promise<unknown>[] = [];
    try {
      for (let i = 0; i < 30; i++) signUps.push(registerAccount(account(), `198.51.100.${i + 1}`, new Date()).then((r) => ((signUpsDone += 1), r)));
      // Each reaches the queue after its throttle counts (database round trips): wait until the refused ones have answered.
      const refusable = 30 - concurrency - waiting.signUp;
      for (let i = 0; i < 500 && signUpsDone < refusable; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Refused ones answered at once, while the accepted ones are still held.
      refusedAt = signUpsDone;
      const signIn = checkCredentials({ email: `someone.${randomUUID()}@example.com`, password }, '192.0.2.99').then((r) => ((signedInAt = signUpsDone), r));
      // Its throttle checks (database round trips) done, it waits in the queue.
      for (let i = 0; i < 500 && passwordQueue().stats().waiting.signIn < 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      release();
      const results = (await Promise.all(signUps)) as Array<{ status: string; retryAfterSeconds?: number }>;
      await signIn;
      const accepted = concurrency + waiting.signUp;
      expect(results.filter((r) => r.status === 'created')).toHaveLength(accepted);
      const busy = results.filter((r) => r.status === 'busy');
      expect(busy).toHaveLength(30 - accepted);
      expect(busy.every((r) => r.retryAfterSeconds! >= 1)).toBe(true);
      expect(refusedAt).toBe(30 - accepted);
      expect(passwordCalls.hash).toBe(accepted);
      // The sign-in took the first free slot: at most the sign-ups already running finished before it.
      expect(signedInAt - refusedAt).toBeLessThanOrEqual(concurrency);
    } finally {
      release();
    }
    // A refused sign-up is not counted against its address.
    expect(await registerAccount(account(), '198.51.100.30', new Date())).not.toMatchObject({ status: 'throttled' });
  });
});

describe('the registration form', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ locale: 'it', next: '/it/courses', ...fields })) data.append(name, value);
    return data;
  };

  it('signs a new learner in and goes on; a taken address gets the sign-in page, never "e-mail taken"', async () => {
    request.address = '203.0.113.40';
    const email = `form.${randomUUID()}@example.com`;
    await expect(registerAction(idleForm, form({ name: 'Ada', email, password }))).rejects.toMatchObject({ digest: expect.stringContaining(';/it/courses;') });
    const taken = registerAction(idleForm, form({ name: 'Mallory', email, password: 'a different passphrase' }));
    await expect(taken).rejects.toMatchObject({ digest: expect.stringContaining(`;/it/login?registered=1&next=${encodeURIComponent('/it/courses')};`) });
    expect((await findUserByEmail({ email }))?.name).toBe('Ada');
  });

  it('over the limit: a localized message, the typed values kept, nothing stored', async () => {
    request.address = '203.0.113.41';
    const now = new Date();
    for (let i = 0; i < registrationLimit('x').max; i++) await registerAccount(account(), '203.0.113.41', now);
    const users = await countUsers();
    const email = `late.${randomUUID()}@example.com`;
    const state = await registerAction(idleForm, form({ name: 'Late Comer', email, password }));
    // Sign-up hands the typed password back to the person who just sent it, so they need not type it again.
    expect(state).toMatchObject({ status: 'error', values: { name: 'Late Comer', email, password }, keepSecrets: true });
    expect(state.message).toMatch(/^Da questa rete sono stati creati troppi account in poco tempo\. Riprova tra (60|59) minuti\.$/);
    expect(await countUsers()).toBe(users);
  });
});
