import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { lessonProgress as p, users } from './schema';

// The completion rules of lib/progress/completion.ts, as SQL over a
// lesson_progress row, built from the same constants (lib/progress/rules.ts is a
// leaf module: it imports nothing). tests/integration/admin-rules.test.ts checks
// that SQL and TypeScript agree on seeded data.

export type LessonSpec = { slug: string; duration: number };

const real = (value: number) => sql`CAST(${value} AS REAL)`;

/** The row's lesson duration: a CASE over the course's lessons (durations come from the content). */
export function durationSql(lessons: LessonSpec[]): SQL {
  return sql`(CASE ${p.lesson} ${sql.join(
    lessons.map((lesson) => sql`WHEN ${lesson.slug} THEN ${real(lesson.duration)}`),
    sql` `,
  )} END)`;
}

/** isLessonStarted: some of the video watched, or the quiz tried. */
export const startedSql = sql`(${p.watchedSeconds} > 0 OR ${p.quizBest} IS NOT NULL)`;

/** watchedPercent: floored, at most 100. */
export function watchedPercentSql(duration: SQL): SQL {
  return sql`MIN(100, CAST(${p.watchedSeconds} / ${duration} * 100 AS INTEGER))`;
}

/** coursePercent, over one learner's rows of the course (an aggregate): lessons complete × 100 ÷ lessons, floored by integer division. */
export function coursePercentSql(lessonCount: number): SQL {
  // CAST: better-sqlite3 binds numbers as REAL, which would make the division exact instead of floored.
  return sql`(SUM(${p.completedAt} IS NOT NULL) * 100 / CAST(${lessonCount} AS INTEGER))`;
}

/** isEnrolled: a learner account, or anyone with progress in the course (`hasProgress`, a condition over the caller's join). */
export function enrolledSql(hasProgress: SQL): SQL {
  return sql`(${users.role} = 'learner' OR ${hasProgress})`;
}
