import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { bySql, tables } from './query';

// The completion rules of lib/progress/completion.ts, as SQL over a
// lesson_progress row, built from the same constants (lib/progress/rules.ts is a
// leaf module: it imports nothing). The same text runs on SQLite and PostgreSQL
// (where they differ, bySql says both). tests/integration/admin-rules.test.ts
// checks that SQL and TypeScript agree on seeded data.

export type LessonSpec = { slug: string; duration: number };

// DOUBLE PRECISION: PostgreSQL's REAL is single precision; SQLite reads the name as REAL.
const real = (value: number) => sql`CAST(${value} AS DOUBLE PRECISION)`;

/** How many rows meet a condition (PostgreSQL cannot SUM booleans). */
export function countIf(condition: SQL): SQL {
  return sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** The row's lesson duration: a CASE over the course's lessons (durations come from the content). */
export function durationSql(lessons: LessonSpec[]): SQL {
  const p = tables().lessonProgress;
  return sql`(CASE ${p.lesson} ${sql.join(
    lessons.map((lesson) => sql`WHEN ${lesson.slug} THEN ${real(lesson.duration)}`),
    sql` `,
  )} END)`;
}

/** isLessonStarted: some of the video watched, or the quiz tried. */
export function startedSql(): SQL {
  const p = tables().lessonProgress;
  return sql`(${p.watchedSeconds} > 0 OR ${p.quizBest} IS NOT NULL)`;
}

/** watchedPercent: floored, at most 100. */
export function watchedPercentSql(duration: SQL): SQL {
  const p = tables().lessonProgress;
  const ratio = sql`${p.watchedSeconds} / ${duration} * 100`;
  // SQLite's CAST to INTEGER truncates; PostgreSQL's rounds, so it floors first.
  const floored = bySql({ sqlite: sql`CAST(${ratio} AS INTEGER)`, postgres: sql`CAST(FLOOR(${ratio}) AS INTEGER)` });
  return sql`(CASE WHEN ${floored} > 100 THEN 100 ELSE ${floored} END)`;
}

/** coursePercent, over one learner's rows of the course (an aggregate): lessons complete × 100 ÷ lessons, floored by integer division. */
export function coursePercentSql(lessonCount: number): SQL {
  const p = tables().lessonProgress;
  // CAST: better-sqlite3 binds numbers as REAL, which would make the division exact instead of floored.
  return sql`(${countIf(sql`${p.completedAt} IS NOT NULL`)} * 100 / CAST(${lessonCount} AS INTEGER))`;
}

/** isEnrolled: a learner account, or anyone with progress in the course (`hasProgress`, a condition over the caller's join). */
export function enrolledSql(hasProgress: SQL): SQL {
  return sql`(${tables().users.role} = 'learner' OR ${hasProgress})`;
}
