import 'server-only';
import { and, asc, count, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { changes, db, first, rows, tables } from './query';
import type { MailStatus, NewQueuedMail, QueuedMail } from './schema';

export async function insertMail({ mail }: { mail: NewQueuedMail }): Promise<QueuedMail> {
  return (await first(db().insert(tables().mailQueue).values(mail).returning()))!;
}

/**
 * Claims up to `limit` messages that are due, for `leaseMs`: a message is
 * claimed by exactly one worker (the update only wins while the row is still
 * unclaimed or its lease has run out; PostgreSQL re-checks that condition
 * after waiting for a competing update), so two processes never send it twice.
 */
export async function claimDueMail({ now, leaseMs, limit }: { now: Date; leaseMs: number; limit: number }): Promise<QueuedMail[]> {
  const { mailQueue } = tables();
  const unclaimed = or(isNull(mailQueue.claimedUntil), lt(mailQueue.claimedUntil, now));
  const due = await rows(
    db()
      .select({ id: mailQueue.id })
      .from(mailQueue)
      .where(and(eq(mailQueue.status, 'pending'), lte(mailQueue.nextAttemptAt, now), unclaimed))
      .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.id))
      .limit(limit),
  );
  const until = new Date(now.getTime() + leaseMs);
  const claimed: QueuedMail[] = [];
  for (const { id } of due) {
    claimed.push(
      ...(await rows(
        db()
          .update(mailQueue)
          .set({ claimedUntil: until })
          .where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'pending'), unclaimed))
          .returning(),
      )),
    );
  }
  return claimed;
}

/** Sent: the template's values (maybe a single-use link) are not kept. */
export async function markMailSent({ id, now }: { id: number; now: Date }): Promise<void> {
  const { mailQueue } = tables();
  await changes(db().update(mailQueue).set({ status: 'sent', sentAt: now, payload: '{}', claimedUntil: null, lastError: null }).where(eq(mailQueue.id, id)));
}

/** Not sent this time: try again at `nextAttemptAt`, or give up (`failed`). */
export async function markMailFailed({ id, attempts, nextAttemptAt, error, giveUp }: { id: number; attempts: number; nextAttemptAt: Date; error: string; giveUp: boolean }): Promise<void> {
  const { mailQueue } = tables();
  await changes(
    db()
      .update(mailQueue)
      .set({ attempts, nextAttemptAt, lastError: error, claimedUntil: null, ...(giveUp && { status: 'failed' as const, payload: '{}' }) })
      .where(eq(mailQueue.id, id)),
  );
}

export async function countMailByStatus(): Promise<Partial<Record<MailStatus, number>>> {
  const { mailQueue } = tables();
  const found = await rows(db().select({ status: mailQueue.status, n: count() }).from(mailQueue).groupBy(mailQueue.status));
  return Object.fromEntries(found.map((row) => [row.status, row.n]));
}

/** Messages still waiting or given up, most recent first (for admins). */
export async function listUndeliveredMail({ limit }: { limit: number }): Promise<Omit<QueuedMail, 'payload'>[]> {
  const { payload: _payload, ...columns } = tables().mailQueue;
  const { mailQueue } = tables();
  return rows(
    db()
      .select({ id: columns.id, recipient: columns.recipient, locale: columns.locale, kind: columns.kind, status: columns.status, attempts: columns.attempts, nextAttemptAt: columns.nextAttemptAt, claimedUntil: columns.claimedUntil, lastError: columns.lastError, createdAt: columns.createdAt, sentAt: columns.sentAt })
      .from(mailQueue)
      .where(or(eq(mailQueue.status, 'pending'), eq(mailQueue.status, 'failed')))
      .orderBy(asc(mailQueue.createdAt))
      .limit(limit),
  );
}

/** Sent messages older than `before` (retention). */
export async function deleteSentMail({ before }: { before: Date }): Promise<number> {
  const { mailQueue } = tables();
  return changes(db().delete(mailQueue).where(and(eq(mailQueue.status, 'sent'), lt(mailQueue.sentAt, before))));
}
