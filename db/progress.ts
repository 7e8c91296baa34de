import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import { preparedFirst, preparedRows, type Bound } from './prepared';
import { changes, db, first, rows, tables, transaction } from './query';
import type { Certificate, LessonProgress, NewCertificate, NewLessonProgress, NewQuizAttempt, WatchAllowance } from './schema';

type Key = { userId: string; course: string; lesson: string };

// The heartbeat's two reads, on every heartbeat: built once on SQLite (./prepared.ts).
const progressRow = preparedFirst(['userId', 'course', 'lesson'], ({ userId, course, lesson }: Bound<Key>) => {
  const { lessonProgress } = tables();
  return db()
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course), eq(lessonProgress.lesson, lesson)));
});
const watchAllowance = preparedFirst(['userId'], ({ userId }: Bound<{ userId: string }>) => {
  const { watchAllowances } = tables();
  return db().select().from(watchAllowances).where(eq(watchAllowances.userId, userId));
});

/**
 * What a progress transaction may read and write. Every method runs inside the
 * transaction that progressTransaction opened (the same connection on SQLite,
 * the transaction's own on PostgreSQL), so the callback in lib/ never holds a
 * database handle and does not know the engine.
 */
const queries = {
  get: progressRow,
  async save({ row }: { row: NewLessonProgress }): Promise<void> {
    const { lessonProgress } = tables();
    const { userId: _u, course: _c, lesson: _l, firstActivityAt: _f, ...update } = row;
    await changes(
      db()
        .insert(lessonProgress)
        .values(row)
        .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.course, lessonProgress.lesson], set: update }),
    );
  },
  async completedLessons({ userId, course }: { userId: string; course: string }): Promise<string[]> {
    const { lessonProgress } = tables();
    const found = await rows(
      db()
        .select({ lesson: lessonProgress.lesson, completedAt: lessonProgress.completedAt })
        .from(lessonProgress)
        .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course))),
    );
    return found.filter((row) => row.completedAt).map((row) => row.lesson);
  },
  /** Issues the certificate unless one exists (unique per learner and course); returns the one that stands. */
  async issueCertificate({ certificate }: { certificate: NewCertificate & { userId: string } }): Promise<Certificate> {
    const { certificates } = tables();
    await changes(db().insert(certificates).values(certificate).onConflictDoNothing());
    const issued = await first(
      db()
        .select()
        .from(certificates)
        .where(and(eq(certificates.userId, certificate.userId), eq(certificates.course, certificate.course))),
    );
    return issued!;
  },
  async insertAttempt({ attempt }: { attempt: NewQuizAttempt }): Promise<void> {
    await changes(db().insert(tables().quizAttempts).values(attempt));
  },
  allowance: watchAllowance,
  async saveAllowance({ allowance }: { allowance: WatchAllowance }): Promise<void> {
    const { watchAllowances } = tables();
    const { userId: _u, ...update } = allowance;
    await changes(db().insert(watchAllowances).values(allowance).onConflictDoUpdate({ target: watchAllowances.userId, set: update }));
  },
  /** When the learner attempted this quiz after `since` (read in the transaction that may add one, so parallel posts cannot overrun a limit). */
  async attemptTimesSince({ userId, course, lesson, since }: Key & { since: Date }): Promise<Date[]> {
    const { quizAttempts } = tables();
    const found = await rows(
      db()
        .select({ createdAt: quizAttempts.createdAt })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.course, course), eq(quizAttempts.lesson, lesson), gt(quizAttempts.createdAt, since))),
    );
    return found.map((row) => row.createdAt);
  },
};

export type ProgressQueries = typeof queries;

/**
 * Runs a read-modify-write of one learner's progress (heartbeats, quiz
 * attempts, completion, certificate) as one transaction that no other
 * progress transaction of the same learner overlaps: SQLite's BEGIN IMMEDIATE
 * queues every writer; PostgreSQL queues on the learner's advisory lock, so
 * different learners still write side by side.
 */
export function progressTransaction<T>({ userId }: { userId: string }, work: (q: ProgressQueries) => Promise<T>): Promise<T> {
  return transaction(() => work(queries), { locks: [`progress:${userId}`] });
}

// A learner's rows in a course, and certificates: read by every GET /api/progress (built once on SQLite, ./prepared.ts).
const courseRows = preparedRows(['userId', 'course'], ({ userId, course }: Bound<{ userId: string; course: string }>) => {
  const { lessonProgress } = tables();
  return db()
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course)));
});
const learnerCertificates = preparedRows(['userId'], ({ userId }: Bound<{ userId: string }>) => {
  const { certificates } = tables();
  return db().select().from(certificates).where(eq(certificates.userId, userId));
});

export async function listLessonProgress({ userId, course }: { userId: string; course?: string }): Promise<LessonProgress[]> {
  if (course) return courseRows({ userId, course });
  const { lessonProgress } = tables();
  return rows(db().select().from(lessonProgress).where(eq(lessonProgress.userId, userId)));
}

export function listCertificates({ userId }: { userId: string }): Promise<Certificate[]> {
  return learnerCertificates({ userId });
}

export async function findCertificate({ id }: { id: string }): Promise<Certificate | undefined> {
  const { certificates } = tables();
  return first(db().select().from(certificates).where(eq(certificates.id, id)));
}
