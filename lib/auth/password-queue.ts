import 'server-only';
import { createWorkQueue, type WorkQueue } from '@/lib/security/work-queue';
import { hashPassword, verifyPassword } from './password';

/**
 * Every scrypt of a request goes through one queue: 2 at once (each takes about
 * 128 MiB and a core for a fraction of a second; node's thread pool has 4
 * threads, and files and DNS need some), sign-ins served before sign-ups, and a
 * short waiting line each. A burst of sign-ups is refused at once with a
 * Retry-After instead of queueing minutes of work ahead of everybody's sign-in.
 */
export const passwordQueueLimits = { concurrency: 2, waiting: { signIn: 8, signUp: 4 }, expectedMs: 500 } as const;

type Lane = keyof typeof passwordQueueLimits.waiting;

// One queue per process: Next may load this module once per bundle layer (actions, route handlers).
const key = Symbol.for('aula.passwordQueue');
const store = globalThis as typeof globalThis & { [key]?: WorkQueue<Lane> };

export function passwordQueue(): WorkQueue<Lane> {
  store[key] ??= createWorkQueue<Lane>({
    concurrency: passwordQueueLimits.concurrency,
    lanes: { ...passwordQueueLimits.waiting },
    expectedMs: passwordQueueLimits.expectedMs,
  });
  return store[key];
}

/** Checks a password for a sign-in, in the sign-in lane. Throws QueueFull when the line is full. */
export function verifyQueued(password: string, stored: string): Promise<boolean> {
  return passwordQueue().run('signIn', () => verifyPassword(password, stored));
}

/** Hashes a new account's password, in the sign-up lane. Throws QueueFull when the line is full. */
export function hashQueued(password: string): Promise<string> {
  return passwordQueue().run('signUp', () => hashPassword(password));
}
