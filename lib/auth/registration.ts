import 'server-only';
import { randomUUID } from 'node:crypto';
import { insertUser } from '@/db/users';
import { consumeAll, refundLimit, type Limit } from '@/lib/security/rate-limit';
import { QueueFull } from '@/lib/security/work-queue';
import { hashQueued, verifyQueued } from './password-queue';

/** New accounts per address and hour (an IPv6 client by its /64): enough for a family or a small class, not for a script. */
export const registrationLimit = (ip: string): Limit => ({ key: `register:ip:${ip}`, max: 5, windowMs: 60 * 60_000 });

export type Registration =
  | { status: 'created'; user: { id: string; name: string; email: string } }
  /** The e-mail has an account already: nothing was stored or changed. */
  | { status: 'taken' }
  | { status: 'throttled'; retryAfterMs: number }
  | { status: 'busy'; retryAfterSeconds: number };

/**
 * Creates a learner's account. The attempt is counted per address before any
 * hashing, and the hash waits in the password queue (refused at once when it
 * is full, and then not counted). A taken e-mail does the same work as a new
 * one, its hash and then the sign-in's check a new account gets next, and is
 * counted the same, so neither the time nor the limit tells a stranger that
 * the address has an account.
 */
export async function registerAccount({ name, email, password, locale }: { name: string; email: string; password: string; locale?: string }, ip: string, now: Date): Promise<Registration> {
  const limit = registrationLimit(ip);
  const state = await consumeAll([limit], now);
  if (state.limited) return { status: 'throttled', retryAfterMs: state.retryAfterMs };
  let passwordHash: string;
  try {
    passwordHash = await hashQueued(password);
  } catch (error) {
    await refundLimit(limit, now);
    if (error instanceof QueueFull) return { status: 'busy', retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  const created = await insertUser({ user: { id: randomUUID(), email, name, passwordHash, role: 'learner', locale, createdAt: now, updatedAt: now } });
  if (created) return { status: 'created', user: { id: created.id, name: created.name, email: created.email } };
  try {
    await verifyQueued(password, passwordHash);
  } catch (error) {
    // A full line answers a new account's sign-in the same way: with the sign-in page.
    if (!(error instanceof QueueFull)) throw error;
  }
  return { status: 'taken' };
}
