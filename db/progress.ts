import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import { getDb } from './client';
import type { Db } from './connection';
import {
  certificates,
  lessonProgress,
  quizAttempts,
  watchAllowances,
  type Certificate,
  type LessonProgress,
  type NewCertificate,
  type NewLessonProgress,
  type NewQuizAttempt,
  type WatchAllowance,
} from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Key = { userId: string; course: string; lesson: string };

function queries(tx: Tx | Db) {
  return {
    get({ userId, course, lesson }: Key): LessonProgress | undefined {
      return tx
        .select()
        .from(lessonProgress)
        .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course), eq(lessonProgress.lesson, lesson)))
        .get();
    },
    save({ row }: { row: NewLessonProgress }): void {
      const { userId: _u, course: _c, lesson: _l, firstActivityAt: _f, ...changes } = row;
      tx.insert(lessonProgress)
        .values(row)
        .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.course, lessonProgress.lesson], set: changes })
        .run();
    },
    completedLessons({ userId, course }: { userId: string; course: string }): string[] {
      return tx
        .select({ lesson: lessonProgress.lesson, completedAt: lessonProgress.completedAt })
        .from(lessonProgress)
        .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course)))
        .all()
        .filter((row) => row.completedAt)
        .map((row) => row.lesson);
    },
    /** Issues the certificate unless one exists (unique per learner and course); returns the one that stands. */
    issueCertificate({ certificate }: { certificate: NewCertificate & { userId: string } }): Certificate {
      tx.insert(certificates).values(certificate).onConflictDoNothing().run();
      return tx
        .select()
        .from(certificates)
        .where(and(eq(certificates.userId, certificate.userId), eq(certificates.course, certificate.course)))
        .get()!;
    },
    insertAttempt({ attempt }: { attempt: NewQuizAttempt }): void {
      tx.insert(quizAttempts).values(attempt).run();
    },
    allowance({ userId }: { userId: string }): WatchAllowance | undefined {
      return tx.select().from(watchAllowances).where(eq(watchAllowances.userId, userId)).get();
    },
    saveAllowance({ allowance }: { allowance: WatchAllowance }): void {
      const { userId: _u, ...changes } = allowance;
      tx.insert(watchAllowances).values(allowance).onConflictDoUpdate({ target: watchAllowances.userId, set: changes }).run();
    },
    /** When the learner attempted this quiz after `since` (read in the transaction that may add one, so parallel posts cannot overrun a limit). */
    attemptTimesSince({ userId, course, lesson, since }: Key & { since: Date }): Date[] {
      return tx
        .select({ createdAt: quizAttempts.createdAt })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.course, course), eq(quizAttempts.lesson, lesson), gt(quizAttempts.createdAt, since)))
        .all()
        .map((row) => row.createdAt);
    },
  };
}

export type ProgressQueries = ReturnType<typeof queries>;

/**
 * Runs a read-modify-write of a learner's progress in one IMMEDIATE
 * transaction: the write lock is taken up front, so concurrent heartbeats
 * queue on the busy timeout instead of failing with SQLITE_BUSY.
 */
export function progressTransaction<T>(work: (q: ProgressQueries) => T): T {
  return getDb().transaction((tx) => work(queries(tx)), { behavior: 'immediate' });
}

export function listLessonProgress({ userId, course }: { userId: string; course?: string }): LessonProgress[] {
  return getDb()
    .select()
    .from(lessonProgress)
    .where(course ? and(eq(lessonProgress.userId, userId), eq(lessonProgress.course, course)) : eq(lessonProgress.userId, userId))
    .all();
}

export function listCertificates({ userId }: { userId: string }): Certificate[] {
  return getDb().select().from(certificates).where(eq(certificates.userId, userId)).all();
}

export function findCertificate({ id }: { id: string }): Certificate | undefined {
  return getDb().select().from(certificates).where(eq(certificates.id, id)).get();
}
