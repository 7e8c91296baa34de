import 'server-only';
import { and, asc, count, desc, eq, exists, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { coursePercentSql, countIf, durationSql, enrolledSql, startedSql, watchedPercentSql, type LessonSpec } from './progress-rules';
import { bySql, db, first, rows, tables } from './query';

export type { LessonSpec } from './progress-rules';

/**
 * The admin's aggregates: a course's rows are grouped in the database and only
 * a page (or a batch) of learners ever reaches JavaScript. Lessons and
 * durations come from the content (the caller passes them); the rules are the
 * SQL forms in ./progress-rules.ts.
 */

export const learnerSorts = ['name', 'email', 'percent', 'activity'] as const;
export type LearnerSort = (typeof learnerSorts)[number];
export const learnerStatuses = ['notStarted', 'inProgress', 'complete'] as const;
export type LearnerStatus = (typeof learnerStatuses)[number];

export type CourseFigures = { enrolled: number; started: number; completed: number; certificates: number; medianCompletionMs: number | null };
export type LessonFunnel = { lesson: string; started: number; videoWatched: number; quizPassed: number; complete: number; averageCoverage: number | null; averageQuiz: number | null };
export type LearnerRow = { id: string; name: string; email: string; signedUpAt: Date; coursePercent: number; completedLessons: number; lastActivity: Date | null; completedAt: Date | null };
export type LessonCell = { userId: string; lesson: string; watchedSeconds: number; position: number; quizBest: number | null; videoCompletedAt: Date | null; quizPassedAt: Date | null; completedAt: Date | null; updatedAt: Date };
export type LearnerIdentity = { id: string; name: string; email: string; signedUpAt: Date };
export type AttemptSummary = { lesson: string; count: number; best: number; last: number; lastAt: Date };

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const inCourse = (course: string, lessons: LessonSpec[]) => {
  const p = tables().lessonProgress;
  return and(eq(p.course, course), inArray(p.lesson, lessons.map((l) => l.slug)));
};
/** An aggregate read as a number (PostgreSQL's SUM and AVG come back as numeric). */
const num = (query: SQL): SQL<number> => sql`${query}`.mapWith(Number);
const numOrNull = (query: SQL): SQL<number | null> => sql`${query}`.mapWith((value): number | null => (value === null ? null : Number(value)));

/**
 * Per learner with a row in the course: course percent, completed and started
 * lessons, first and last activity. No join: the (course, user_id) index feeds
 * the GROUP BY in order, so there is no temporary sort.
 */
function progressAggregate(course: string, lessons: LessonSpec[]) {
  const p = tables().lessonProgress;
  return db().$with('agg').as(
    db()
      .select({
        userId: p.userId,
        coursePercent: sql<number>`${coursePercentSql(lessons.length)}`.as('course_percent'),
        completedLessons: sql<number>`${countIf(sql`${p.completedAt} IS NOT NULL`)}`.as('completed_lessons'),
        startedLessons: sql<number>`${countIf(startedSql())}`.as('started_lessons'),
        firstActivity: sql<number>`MIN(${p.firstActivityAt})`.as('first_activity'),
        lastActivity: sql<number>`MAX(${p.updatedAt})`.as('last_activity'),
        lastCompleted: sql<number | null>`MAX(${p.completedAt})`.as('last_completed'),
      })
      .from(p)
      .where(inCourse(course, lessons))
      .groupBy(p.userId),
  );
}

export async function courseFigures({ course, lessons }: { course: string; lessons: LessonSpec[] }): Promise<CourseFigures> {
  const { users, certificates } = tables();
  const agg = progressAggregate(course, lessons);
  const complete = sql`${agg.completedLessons} = ${lessons.length}`;
  // The median time to complete rides along in the same statement, so the aggregate runs once.
  const spans = sql`(SELECT ${agg.lastCompleted} - ${agg.firstActivity} AS span FROM ${agg} WHERE ${complete})`;
  const median = numOrNull(sql`(SELECT AVG(span) FROM (SELECT span FROM ${spans} AS spans ORDER BY span
    LIMIT 2 - (SELECT COUNT(*) FROM ${spans} AS spans) % 2 OFFSET ((SELECT COUNT(*) FROM ${spans} AS spans) - 1) / 2) AS middle)`);
  // Enrolled: the same people as the learner list (enrolledSql), with or without a row in the course.
  const row = await first(
    db()
      .with(agg)
      .select({
        enrolled: count(),
        started: num(sql`COALESCE(${countIf(sql`${agg.startedLessons} > 0`)}, 0)`),
        completed: num(sql`COALESCE(${countIf(complete)}, 0)`),
        medianCompletionMs: median,
        certificates: num(sql`(SELECT COUNT(*) FROM ${certificates} WHERE ${certificates.course} = ${course})`),
      })
      .from(users)
      .leftJoin(agg, eq(agg.userId, users.id))
      .where(enrolledSql(sql`${agg.userId} IS NOT NULL`)),
  );
  return row!;
}

export async function lessonFunnels({ course, lessons }: { course: string; lessons: LessonSpec[] }): Promise<LessonFunnel[]> {
  const p = tables().lessonProgress;
  const found = await rows(
    db()
      .select({
        lesson: p.lesson,
        started: num(countIf(startedSql())),
        videoWatched: num(countIf(sql`${p.videoCompletedAt} IS NOT NULL`)),
        quizPassed: num(countIf(sql`${p.quizPassedAt} IS NOT NULL`)),
        complete: num(countIf(sql`${p.completedAt} IS NOT NULL`)),
        averageCoverage: numOrNull(sql`AVG(CASE WHEN ${startedSql()} THEN ${watchedPercentSql(durationSql(lessons))} END)`),
        averageQuiz: numOrNull(sql`AVG(${p.quizBest})`),
      })
      .from(p)
      .where(inCourse(course, lessons))
      .groupBy(p.lesson),
  );
  const bySlug = new Map(found.map((row) => [row.lesson, row]));
  const empty = { started: 0, videoWatched: 0, quizPassed: 0, complete: 0, averageCoverage: null, averageQuiz: null };
  return lessons.map((lesson) => bySlug.get(lesson.slug) ?? { lesson: lesson.slug, ...empty });
}

type LearnerQuery = { course: string; lessons: LessonSpec[]; search?: string; status?: LearnerStatus };

/** `%text%` for LIKE, with the wildcards in the text taken literally. */
function likeAnywhere(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function nameOrEmailMatches(search: string): SQL {
  const { users } = tables();
  const pattern = likeAnywhere(search);
  return sql`(lower(${users.name}) LIKE ${pattern} ESCAPE '\\' OR lower(${users.email}) LIKE ${pattern} ESCAPE '\\')`;
}

/** Who the list shows: the enrolled, narrowed by name or e-mail and by course status. */
function learnerConditions(query: LearnerQuery, agg: ReturnType<typeof progressAggregate>): SQL[] {
  const lessonCount = query.lessons.length;
  const conditions: SQL[] = [enrolledSql(sql`${agg.userId} IS NOT NULL`)];
  if (query.search) conditions.push(nameOrEmailMatches(query.search));
  if (query.status === 'complete') conditions.push(sql`${agg.completedLessons} = ${lessonCount}`);
  if (query.status === 'inProgress') conditions.push(sql`${agg.startedLessons} > 0 AND ${agg.completedLessons} < ${lessonCount}`);
  if (query.status === 'notStarted') conditions.push(sql`COALESCE(${agg.startedLessons}, 0) = 0`);
  return conditions;
}

/** One page of the learner table (one grouped query, the total as a window count) and the total for the pager. */
export async function learnerPage(query: LearnerQuery & { sort: LearnerSort; direction: 'asc' | 'desc'; limit: number; offset: number }): Promise<{ rows: LearnerRow[]; total: number }> {
  const { users } = tables();
  const agg = progressAggregate(query.course, query.lessons);
  const lessonCount = query.lessons.length;
  const conditions = learnerConditions(query, agg);
  const coursePercent = num(sql`COALESCE(${agg.coursePercent}, 0)`);
  const sortKey: Record<LearnerSort, SQL> = {
    name: bySql({ sqlite: sql`${users.name} COLLATE NOCASE`, postgres: sql`lower(${users.name})` }),
    email: sql`${users.email}`,
    percent: coursePercent,
    activity: sql`COALESCE(${agg.lastActivity}, 0)`,
  };
  const order = query.direction === 'desc' ? desc : asc;
  const page = await rows(
    db()
      .with(agg)
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        signedUpAt: users.createdAt,
        coursePercent,
        completedLessons: num(sql`COALESCE(${agg.completedLessons}, 0)`),
        lastActivity: numOrNull(sql`${agg.lastActivity}`),
        completedAt: numOrNull(sql`CASE WHEN ${agg.completedLessons} = ${lessonCount} THEN ${agg.lastCompleted} END`),
        total: num(sql`COUNT(*) OVER ()`),
      })
      .from(users)
      .leftJoin(agg, eq(agg.userId, users.id))
      .where(and(...conditions))
      .orderBy(order(sortKey[query.sort]), order(users.email))
      .limit(query.limit)
      .offset(query.offset),
  );
  const total =
    page[0]?.total ??
    (await first(db().with(agg).select({ n: count() }).from(users).leftJoin(agg, eq(agg.userId, users.id)).where(and(...conditions))))!.n;
  return { rows: page.map(({ total: _total, lastActivity, completedAt, ...row }) => ({ ...row, lastActivity: date(lastActivity), completedAt: date(completedAt) })), total };
}

/**
 * The next batch of listed learners after `afterEmail`, by e-mail (keyset: each
 * batch costs the same however deep), with the list's filters. Without a status
 * filter no aggregate is needed: "has progress" is an indexed EXISTS.
 */
export async function learnerBatch(query: LearnerQuery & { afterEmail: string | null; limit: number }): Promise<LearnerIdentity[]> {
  const { users, lessonProgress: p } = tables();
  const select = { id: users.id, name: users.name, email: users.email, signedUpAt: users.createdAt };
  const after = gt(users.email, query.afterEmail ?? '');
  if (query.status) {
    const agg = progressAggregate(query.course, query.lessons);
    return rows(db().with(agg).select(select).from(users).leftJoin(agg, eq(agg.userId, users.id)).where(and(after, ...learnerConditions(query, agg))).orderBy(asc(users.email)).limit(query.limit));
  }
  const hasProgress = exists(db().select({ one: sql`1` }).from(p).where(and(eq(p.userId, users.id), eq(p.course, query.course))));
  const conditions = [after, enrolledSql(hasProgress), ...(query.search ? [nameOrEmailMatches(query.search)] : [])];
  return rows(db().select(select).from(users).where(and(...conditions)).orderBy(asc(users.email)).limit(query.limit));
}

/** The lesson rows of some learners (a page or a batch), in one query. */
export async function lessonCells({ course, userIds }: { course: string; userIds: string[] }): Promise<LessonCell[]> {
  if (userIds.length === 0) return [];
  const p = tables().lessonProgress;
  return rows(
    db()
    .select({
      userId: p.userId,
      lesson: p.lesson,
      watchedSeconds: p.watchedSeconds,
      position: p.position,
      quizBest: p.quizBest,
      videoCompletedAt: p.videoCompletedAt,
      quizPassedAt: p.quizPassedAt,
      completedAt: p.completedAt,
      updatedAt: p.updatedAt,
    })
    .from(p)
    .where(and(eq(p.course, course), inArray(p.userId, userIds))),
  );
}

/** Per lesson: how many quiz attempts, the best and the latest score. */
export async function attemptSummaries({ userId, course }: { userId: string; course: string }): Promise<AttemptSummary[]> {
  const q = tables().quizAttempts;
  const later = alias(q, 'later');
  // Attempts in the same millisecond: the one stored last (SQLite's rowid; PostgreSQL's physical order, ctid).
  const storedLast = bySql({ sqlite: sql`${later}.rowid`, postgres: sql`${later}.ctid` });
  const latest = db()
    .select({ percent: later.percent })
    .from(later)
    .where(and(eq(later.userId, userId), eq(later.course, course), eq(later.lesson, q.lesson)))
    .orderBy(desc(later.createdAt), desc(storedLast))
    .limit(1);
  const found = await rows(
    db()
      .select({ lesson: q.lesson, count: count(), best: num(sql`MAX(${q.percent})`), last: num(sql`(${latest})`), lastAt: num(sql`MAX(${q.createdAt})`) })
      .from(q)
      .where(and(eq(q.userId, userId), eq(q.course, course)))
      .groupBy(q.lesson),
  );
  return found.map((row) => ({ ...row, lastAt: new Date(row.lastAt) }));
}
