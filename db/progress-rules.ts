import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { lessonWeights, videoCompleteRatio } from '@/lib/progress/rules';
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

/** lessonPoints: the video up to the watched ratio, plus the passed quiz, floored. */
export function lessonPointsSql(duration: SQL): SQL {
  return sql`CAST(MIN(1.0, ${watchedPercentSql(duration)} / ${real(videoCompleteRatio * 100)}) * ${real(lessonWeights.video)}
    + CASE WHEN ${p.quizPassedAt} IS NOT NULL THEN ${real(lessonWeights.quiz)} ELSE 0 END AS INTEGER)`;
}

/** isEnrolled: a learner account, or anyone with progress in the course (`hasProgress`, a condition over the caller's join). */
export function enrolledSql(hasProgress: SQL): SQL {
  return sql`(${users.role} = 'learner' OR ${hasProgress})`;
}
