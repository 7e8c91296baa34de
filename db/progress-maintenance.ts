import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from './client';
import { dataMigrations, lessonProgress, users } from './schema';

type Key = { userId: string; course: string; lesson: string };
export type StoredSpans = Key & { intervals: string; watchedSeconds: number };

/**
 * Runs a data migration once: `work` gets every lesson row's spans and returns
 * the rows to rewrite; the rewrite and the record that it ran are one
 * transaction, so an interrupted start simply runs it again.
 */
export function runSpansMigration(name: string, now: Date, work: (rows: StoredSpans[]) => StoredSpans[]): { applied: boolean; changed: number } {
  const db = getDb();
  return db.transaction(
    (tx) => {
      if (tx.select().from(dataMigrations).where(eq(dataMigrations.name, name)).get()) return { applied: false, changed: 0 };
      const rows = tx
        .select({ userId: lessonProgress.userId, course: lessonProgress.course, lesson: lessonProgress.lesson, intervals: lessonProgress.intervals, watchedSeconds: lessonProgress.watchedSeconds })
        .from(lessonProgress)
        .all();
      const changed = work(rows);
      for (const row of changed) {
        tx.update(lessonProgress)
          .set({ intervals: row.intervals, watchedSeconds: row.watchedSeconds })
          .where(and(eq(lessonProgress.userId, row.userId), eq(lessonProgress.course, row.course), eq(lessonProgress.lesson, row.lesson)))
          .run();
      }
      tx.insert(dataMigrations).values({ name, appliedAt: now }).run();
      return { applied: true, changed: changed.length };
    },
    { behavior: 'immediate' },
  );
}

export type CompletedVideo = { userId: string; name: string; email: string; course: string; lesson: string; firstActivityAt: Date; videoCompletedAt: Date };

/** Every watched video with who watched it and when, for the audit (ordered by learner, then completion). */
export function listCompletedVideos({ course }: { course?: string } = {}): CompletedVideo[] {
  const completed = isNotNull(lessonProgress.videoCompletedAt);
  return getDb()
    .select({
      userId: lessonProgress.userId,
      name: users.name,
      email: users.email,
      course: lessonProgress.course,
      lesson: lessonProgress.lesson,
      firstActivityAt: lessonProgress.firstActivityAt,
      videoCompletedAt: lessonProgress.videoCompletedAt,
    })
    .from(lessonProgress)
    .innerJoin(users, eq(users.id, lessonProgress.userId))
    .where(course ? and(completed, eq(lessonProgress.course, course)) : completed)
    .orderBy(asc(lessonProgress.userId), asc(lessonProgress.videoCompletedAt))
    .all() as CompletedVideo[];
}
