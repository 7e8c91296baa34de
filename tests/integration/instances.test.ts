import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { engine } from '@/db/client';
import { insertMail } from '@/db/mail';
import { first, db, tables, transaction } from '@/db/query';
import { insertUser } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';

// Several app instances on one database (docs/operating.md, "Per-process state"):
// what one instance does must act on the next request to any other. The other
// instances here are processes of their own (tests/support/instance-worker.ts) or a
// second copy of the session module, each with its own cookie cache.
const request = vi.hoisted(() => ({ cookie: undefined as string | undefined, sessionFor: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'authjs.session-token' && request.cookie ? { value: request.cookie } : undefined) }),
}));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));
vi.mock('@/lib/auth/auth', () => ({
  auth: async () => {
    const sessionId = request.cookie && request.sessionFor.get(request.cookie);
    return sessionId ? { sessionId, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
  },
}));

const instanceA = await import('@/lib/auth/session');
vi.resetModules();
const instanceB = await import('@/lib/auth/session');

const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
const password = 'several instances, one database';

function otherInstance<T>(...args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', 'tests/support/instance-worker.ts', ...args], { env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`instance exited ${code}: ${err}`))));
  });
}

async function makeUser(role: 'learner' | 'admin' = 'learner') {
  const now = new Date();
  const id = randomUUID();
  await insertUser({ user: { id, email: `${id}@example.com`, name: 'Instance Test', passwordHash: await hashPassword(password), role, createdAt: now, updatedAt: now } });
  return { id, email: `${id}@example.com` };
}

/** Signs in through another process, and lets the request carry that session's cookie. */
async function signInElsewhere(email: string): Promise<string> {
  const { sessionId } = await otherInstance<{ sessionId: string }>('sign-in', email, password);
  request.cookie = `cookie-${sessionId}`;
  request.sessionFor.set(request.cookie, sessionId);
  return sessionId;
}

describe('several instances on one database', () => {
  it('the session modules are two instances, each with its own cookie cache', () => {
    expect(instanceA.getCurrentUser).not.toBe(instanceB.getCurrentUser);
  });

  it('a sign-out through one process is refused on the next request to every other, whatever their caches hold', async () => {
    const user = await makeUser();
    const sessionId = await signInElsewhere(user.email);
    // Both instances have now seen (and cached) the cookie.
    expect((await instanceA.getCurrentUser())?.id).toBe(user.id);
    expect((await instanceB.getCurrentUser())?.id).toBe(user.id);
    await otherInstance('sign-out', sessionId);
    expect(await instanceA.getCurrentUser()).toBeNull();
    expect(await instanceB.getCurrentUser()).toBeNull();
  }, 240_000);

  it('a role change through one process applies on the next request to every other', async () => {
    await makeUser('admin'); // so the user below is not the last admin
    const user = await makeUser('admin');
    await signInElsewhere(user.email);
    expect((await instanceA.getCurrentUser())?.role).toBe('admin');
    expect((await instanceB.getCurrentUser())?.role).toBe('admin');
    await otherInstance('set-role', user.id, 'learner');
    expect((await instanceA.getCurrentUser())?.role).toBe('learner');
    expect((await instanceB.getCurrentUser())?.role).toBe('learner');
  }, 240_000);

  it('the sign-in limit is one count across processes: two instances guessing together get 5 checks, not 10', async () => {
    const user = await makeUser();
    const outcomes = (await Promise.all([otherInstance<string[]>('wrong-passwords', user.email, '198.51.100.77', '5'), otherInstance<string[]>('wrong-passwords', user.email, '198.51.100.77', '5')])).flat();
    expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(5);
  }, 240_000);

  it('two mail workers in two processes send each queued message once', async () => {
    const now = new Date(Date.now() - 1000);
    const recipients = Array.from({ length: 30 }, (_, i) => `r${i}-${randomUUID()}@example.com`);
    for (const to of recipients) await insertMail({ mail: { recipient: to, locale: 'it', kind: 'accountExists', payload: JSON.stringify({ link: 'https://aula.example.org/it/login', secondaryLink: 'https://aula.example.org/it/forgot-password' }), nextAttemptAt: now, createdAt: now } });
    const sent = (await Promise.all([otherInstance<string[]>('deliver-mail'), otherInstance<string[]>('deliver-mail')])).flat();
    expect(sent.filter((to) => recipients.includes(to)).sort()).toEqual([...recipients].sort());
  }, 240_000);

  it(`the in-process transaction gate is ${engine() === 'sqlite' ? 'there on SQLite (one connection)' : 'not used on PostgreSQL: other requests read while a transaction is open'}`, async () => {
    const { users } = tables();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const open = transaction(async () => {
      await first(db().select().from(users).limit(1));
      entered();
      await held;
    }, { locks: ['instances-test'] });
    await inside;
    const read = first(db().select().from(users).limit(1));
    if (engine() === 'postgres') {
      // Answered while the transaction is still open (were it gated, this would wait for ever and time out).
      await read;
      release();
    } else {
      // SQLite has one connection: the read waits for the open transaction to end.
      const early = await Promise.race([read.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000))]);
      expect(early).toBe(false);
      release();
      await read;
    }
    await open;
  });
});
