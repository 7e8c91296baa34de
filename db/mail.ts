import 'server-only';
import { and, asc, count, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { getDb } from './client';
import { mailQueue, type MailStatus, type NewQueuedMail, type QueuedMail } from './schema';

export function insertMail({ mail }: { mail: NewQueuedMail }): QueuedMail {
  return getDb().insert(mailQueue).values(mail).returning().get();
}

/**
 * Claims up to `limit` messages that are due, for `leaseMs`: a message is
 * claimed by exactly one worker (the update only wins while the row is still
 * unclaimed or its lease has run out), so two processes never send it twice.
 */
export function claimDueMail({ now, leaseMs, limit }: { now: Date; leaseMs: number; limit: number }): QueuedMail[] {
  const db = getDb();
  const unclaimed = or(isNull(mailQueue.claimedUntil), lt(mailQueue.claimedUntil, now));
  const due = db
    .select({ id: mailQueue.id })
    .from(mailQueue)
    .where(and(eq(mailQueue.status, 'pending'), lte(mailQueue.nextAttemptAt, now), unclaimed))
    .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.id))
    .limit(limit)
    .all();
  const until = new Date(now.getTime() + leaseMs);
  return due.flatMap(({ id }) =>
    db
      .update(mailQueue)
      .set({ claimedUntil: until })
      .where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'pending'), unclaimed))
      .returning()
      .all(),
  );
}

/** Sent: the template's values (maybe a single-use link) are not kept. */
export function markMailSent({ id, now }: { id: number; now: Date }): void {
  getDb().update(mailQueue).set({ status: 'sent', sentAt: now, payload: '{}', claimedUntil: null, lastError: null }).where(eq(mailQueue.id, id)).run();
}

/** Not sent this time: try again at `nextAttemptAt`, or give up (`failed`). */
export function markMailFailed({ id, attempts, nextAttemptAt, error, giveUp }: { id: number; attempts: number; nextAttemptAt: Date; error: string; giveUp: boolean }): void {
  getDb()
    .update(mailQueue)
    .set({ attempts, nextAttemptAt, lastError: error, claimedUntil: null, ...(giveUp && { status: 'failed' as const, payload: '{}' }) })
    .where(eq(mailQueue.id, id))
    .run();
}

export function countMailByStatus(): Partial<Record<MailStatus, number>> {
  const rows = getDb().select({ status: mailQueue.status, n: count() }).from(mailQueue).groupBy(mailQueue.status).all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Messages still waiting or given up, most recent first (for admins). */
export function listUndeliveredMail({ limit }: { limit: number }): Omit<QueuedMail, 'payload'>[] {
  const { payload: _payload, ...columns } = mailQueue;
  return getDb()
    .select({ id: columns.id, recipient: columns.recipient, locale: columns.locale, kind: columns.kind, status: columns.status, attempts: columns.attempts, nextAttemptAt: columns.nextAttemptAt, claimedUntil: columns.claimedUntil, lastError: columns.lastError, createdAt: columns.createdAt, sentAt: columns.sentAt })
    .from(mailQueue)
    .where(or(eq(mailQueue.status, 'pending'), eq(mailQueue.status, 'failed')))
    .orderBy(asc(mailQueue.createdAt))
    .limit(limit)
    .all();
}

/** Sent messages older than `before` (retention). */
export function deleteSentMail({ before }: { before: Date }): number {
  return getDb().delete(mailQueue).where(and(eq(mailQueue.status, 'sent'), lt(mailQueue.sentAt, before))).run().changes;
}
