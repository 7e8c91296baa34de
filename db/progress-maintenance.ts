import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { changes, db, first, lock, rows, tables, transaction } from './query';

type Key = { userId: string; course: string; lesson: string };
export type StoredSpans = Key & { intervals: string; watchedSeconds: number };

/**
 * Runs a data migration once: `work` gets every lesson row's spans and returns
 * the rows to rewrite; the rewrite and the record that it ran are one
 * transaction (holding the migration's lock, so two instances starting
 * together do not both run it), so an interrupted start simply runs it again.
 */
export async function runSpansMigration(name: string, now: Date, work: (rows: StoredSpans[]) => StoredSpans[]): Promise<{ applied: boolean; changed: number }> {
  const { dataMigrations, lessonProgress } = tables();
  return transaction(async () => {
    await lock(`data-migration:${name}`);
    if (await first(db().select().from(dataMigrations).where(eq(dataMigrations.name, name)))) return { applied: false, changed: 0 };
    const stored = await rows(
      db()
        .select({ userId: lessonProgress.userId, course: lessonProgress.course, lesson: lessonProgress.lesson, intervals: lessonProgress.intervals, watchedSeconds: lessonProgress.watchedSeconds })
        .from(lessonProgress),
    );
    const changed = work(stored);
    for (const row of changed) {
      await changes(
        db()
          .update(lessonProgress)
          .set({ intervals: row.intervals, watchedSeconds: row.watchedSeconds })
          .where(and(eq(lessonProgress.userId, row.userId), eq(lessonProgress.course, row.course), eq(lessonProgress.lesson, row.lesson))),
      );
    }
    await changes(db().insert(dataMigrations).values({ name, appliedAt: now }));
    return { applied: true, changed: changed.length };
  });
}

export type CompletedVideo = { userId: string; name: string; email: string; course: string; lesson: string; firstActivityAt: Date; videoCompletedAt: Date };

/** Every watched video with who watched it and when, for the audit (ordered by learner, then completion). */
export async function listCompletedVideos({ course }: { course?: string } = {}): Promise<CompletedVideo[]> {
  const { lessonProgress, users } = tables();
  const completed = isNotNull(lessonProgress.videoCompletedAt);
  return (await rows(
    db()
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
      .orderBy(asc(lessonProgress.userId), asc(lessonProgress.videoCompletedAt)),
  )) as CompletedVideo[];
}
