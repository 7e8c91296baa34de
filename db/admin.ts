import 'server-only';
import { getDb } from './client';
import type { Role } from './schema';

/**
 * The admin's aggregates, in SQL: a course's rows are grouped in the database
 * and only a page (or a batch) of learners ever reaches JavaScript. Lessons and
 * durations come from the content (the caller passes them), so percentages
 * follow the same rules as lib/progress/completion.ts.
 */
export type LessonSpec = { slug: string; duration: number };

export const learnerSorts = ['name', 'email', 'percent', 'activity'] as const;
export type LearnerSort = (typeof learnerSorts)[number];
export const learnerStatuses = ['notStarted', 'inProgress', 'complete'] as const;
export type LearnerStatus = (typeof learnerStatuses)[number];

export type CourseFigures = { enrolled: number; started: number; completed: number; certificates: number; medianCompletionMs: number | null };
export type LessonFunnel = { lesson: string; started: number; videoWatched: number; quizPassed: number; complete: number; averageCoverage: number | null; averageQuiz: number | null };
export type LearnerRow = { id: string; name: string; email: string; coursePercent: number; completedLessons: number; lastActivity: number | null; completedAt: number | null };
export type LessonCell = { userId: string; lesson: string; watchedSeconds: number; position: number; quizBest: number | null; videoCompletedAt: number | null; quizPassedAt: number | null; completedAt: number | null; updatedAt: number };

type Params = Record<string, string | number | null>;

/** The lesson's duration as a CASE over bound parameters, and the IN list of the course's lessons. */
function lessonTerms(lessons: LessonSpec[], params: Params): { duration: string; slugs: string } {
  const whens = lessons.map((lesson, i) => {
    params[`slug${i}`] = lesson.slug;
    params[`duration${i}`] = lesson.duration;
    return `WHEN @slug${i} THEN @duration${i}`;
  });
  return { duration: `(CASE p.lesson ${whens.join(' ')} END)`, slugs: lessons.map((_, i) => `@slug${i}`).join(', ') };
}

/**
 * Per learner with any progress in the course: points (see lessonPoints: coverage
 * floored to a percent, video up to 90 % worth 80, the passed quiz 20), completed
 * lessons, first and last activity. No join: the (course, user_id) index feeds
 * the GROUP BY in order, so no temporary sort.
 */
function progressAggregateCte(lessons: LessonSpec[], params: Params): string {
  params.lessonCount = lessons.length;
  const { duration, slugs } = lessonTerms(lessons, params);
  return `agg AS (
    SELECT p.user_id,
      SUM(CAST(MIN(1.0, MIN(100, CAST(p.watched_seconds / ${duration} * 100 AS INTEGER)) / 90.0) * 80
        + CASE WHEN p.quiz_passed_at IS NOT NULL THEN 20 ELSE 0 END AS INTEGER)) / CAST(@lessonCount AS INTEGER) AS course_percent,
      SUM(p.completed_at IS NOT NULL) AS completed_lessons,
      SUM(p.watched_seconds > 0 OR p.quiz_best IS NOT NULL) AS active_lessons,
      MIN(p.first_activity_at) AS first_activity,
      MAX(p.updated_at) AS last_activity,
      MAX(p.completed_at) AS last_completed
    FROM lesson_progress p
    WHERE p.course = @course AND p.lesson IN (${slugs})
    GROUP BY p.user_id
  )`;
}

export function courseFigures({ course, lessons }: { course: string; lessons: LessonSpec[] }): CourseFigures {
  const params: Params = { course };
  // One statement, so the aggregate is computed once (a CTE used twice is materialized).
  const row = getDb()
    .$client.prepare(
      `WITH ${progressAggregateCte(lessons, params)},
       done AS (SELECT last_completed - first_activity AS span FROM agg WHERE completed_lessons = @lessonCount),
       middle AS (SELECT span FROM done ORDER BY span LIMIT 2 - (SELECT COUNT(*) FROM done) % 2 OFFSET ((SELECT COUNT(*) FROM done) - 1) / 2)
       SELECT COUNT(*) AS enrolled,
         COALESCE(SUM(active_lessons > 0), 0) AS started,
         COALESCE(SUM(completed_lessons = @lessonCount), 0) AS completed,
         (SELECT AVG(span) FROM middle) AS medianCompletionMs,
         (SELECT COUNT(*) FROM certificates WHERE course = @course) AS certificates
       FROM agg`,
    )
    .get(params) as CourseFigures;
  return row;
}

export function lessonFunnels({ course, lessons }: { course: string; lessons: LessonSpec[] }): LessonFunnel[] {
  const params: Params = { course };
  const { duration, slugs } = lessonTerms(lessons, params);
  const active = 'p.watched_seconds > 0 OR p.quiz_best IS NOT NULL';
  const rows = getDb()
    .$client.prepare(
      `SELECT p.lesson,
         SUM(${active}) AS started,
         SUM(p.video_completed_at IS NOT NULL) AS videoWatched,
         SUM(p.quiz_passed_at IS NOT NULL) AS quizPassed,
         SUM(p.completed_at IS NOT NULL) AS complete,
         AVG(CASE WHEN ${active} THEN MIN(100, CAST(p.watched_seconds / ${duration} * 100 AS INTEGER)) END) AS averageCoverage,
         AVG(p.quiz_best) AS averageQuiz
       FROM lesson_progress p WHERE p.course = @course AND p.lesson IN (${slugs})
       GROUP BY p.lesson`,
    )
    .all(params) as LessonFunnel[];
  const bySlug = new Map(rows.map((row) => [row.lesson, row]));
  const empty = { started: 0, videoWatched: 0, quizPassed: 0, complete: 0, averageCoverage: null, averageQuiz: null };
  return lessons.map((lesson) => bySlug.get(lesson.slug) ?? { lesson: lesson.slug, ...empty });
}

type LearnerQuery = { course: string; lessons: LessonSpec[]; search?: string; status?: LearnerStatus };

/** Who the table lists: learners, and anyone else with progress in the course; narrowed by text and status. */
function learnerWhere({ search, status }: LearnerQuery, params: Params): string {
  const conditions = [`(u.role = 'learner' OR agg.user_id IS NOT NULL)`];
  if (search) {
    params.search = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(`(lower(u.name) LIKE @search ESCAPE '\\' OR lower(u.email) LIKE @search ESCAPE '\\')`);
  }
  if (status === 'complete') conditions.push('agg.completed_lessons = @lessonCount');
  if (status === 'inProgress') conditions.push('agg.active_lessons > 0 AND agg.completed_lessons < @lessonCount');
  if (status === 'notStarted') conditions.push('COALESCE(agg.active_lessons, 0) = 0');
  return conditions.join(' AND ');
}

const learnerColumns = `u.id, u.name, u.email,
  COALESCE(agg.course_percent, 0) AS coursePercent,
  COALESCE(agg.completed_lessons, 0) AS completedLessons,
  agg.last_activity AS lastActivity,
  CASE WHEN agg.completed_lessons = @lessonCount THEN agg.last_completed END AS completedAt`;

const orderBy: Record<LearnerSort, string> = {
  name: 'u.name COLLATE NOCASE',
  email: 'u.email',
  percent: 'coursePercent',
  activity: 'COALESCE(agg.last_activity, 0)',
};

/** One page of the learner table (one grouped query) and the total for the pager. */
export function learnerPage(query: LearnerQuery & { sort: LearnerSort; direction: 'asc' | 'desc'; limit: number; offset: number }): { rows: LearnerRow[]; total: number } {
  const db = getDb().$client;
  const params: Params = { course: query.course };
  const cte = progressAggregateCte(query.lessons, params);
  const where = learnerWhere(query, params);
  const from = `WITH ${cte} SELECT %COLUMNS% FROM users u LEFT JOIN agg ON agg.user_id = u.id WHERE ${where}`;
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  // The total rides along as a window count, so the aggregate runs once per page.
  const rows = db
    .prepare(`${from.replace('%COLUMNS%', `${learnerColumns}, COUNT(*) OVER () AS total`)} ORDER BY ${orderBy[query.sort]} ${direction}, u.email ${direction} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as (LearnerRow & { total: number })[];
  const total = rows[0]?.total ?? (db.prepare(from.replace('%COLUMNS%', 'COUNT(*) AS n')).get(params) as { n: number }).n;
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

export type LearnerIdentity = { id: string; name: string; email: string };

/** The next batch of listed learners after `afterEmail`, by e-mail (keyset: each batch costs the same however deep). */
export function learnerBatch({ course, afterEmail, limit }: { course: string; afterEmail: string | null; limit: number }): LearnerIdentity[] {
  return getDb()
    .$client.prepare(
      `SELECT u.id, u.name, u.email FROM users u
       WHERE u.email > @after AND (u.role = 'learner' OR EXISTS (SELECT 1 FROM lesson_progress x WHERE x.user_id = u.id AND x.course = @course))
       ORDER BY u.email LIMIT @limit`,
    )
    .all({ course, after: afterEmail ?? '', limit }) as LearnerIdentity[];
}

/** The lesson rows of some learners (a page or a batch), in one query. */
export function lessonCells({ course, userIds }: { course: string; userIds: string[] }): LessonCell[] {
  if (userIds.length === 0) return [];
  return getDb()
    .$client.prepare(
      `SELECT user_id AS userId, lesson, watched_seconds AS watchedSeconds, position, quiz_best AS quizBest,
         video_completed_at AS videoCompletedAt, quiz_passed_at AS quizPassedAt, completed_at AS completedAt, updated_at AS updatedAt
       FROM lesson_progress WHERE course = ? AND user_id IN (SELECT value FROM json_each(?))`,
    )
    .all(course, JSON.stringify(userIds)) as LessonCell[];
}

export type AttemptSummary = { lesson: string; count: number; best: number; last: number; lastAt: number };

/** Per lesson: how many quiz attempts, the best and the latest score. */
export function attemptSummaries({ userId, course }: { userId: string; course: string }): AttemptSummary[] {
  return getDb()
    .$client.prepare(
      `SELECT lesson, COUNT(*) AS count, MAX(percent) AS best,
         (SELECT q2.percent FROM quiz_attempts q2 WHERE q2.user_id = q.user_id AND q2.course = q.course AND q2.lesson = q.lesson ORDER BY q2.created_at DESC, q2.rowid DESC LIMIT 1) AS last,
         MAX(created_at) AS lastAt
       FROM quiz_attempts q WHERE user_id = ? AND course = ? GROUP BY lesson`,
    )
    .all(userId, course) as AttemptSummary[];
}

export type UserRow = { id: string; name: string; email: string; role: Role; createdAt: number };

export function userPage({ search, limit, offset }: { search?: string; limit: number; offset: number }): { rows: UserRow[]; total: number } {
  const db = getDb().$client;
  const params: Params = { limit, offset };
  let where = '1 = 1';
  if (search) {
    params.search = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where = `(lower(name) LIKE @search ESCAPE '\\' OR lower(email) LIKE @search ESCAPE '\\')`;
  }
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM users WHERE ${where}`).get(countParams) as { n: number }).n;
  const rows = db.prepare(`SELECT id, name, email, role, created_at AS createdAt FROM users WHERE ${where} ORDER BY email LIMIT @limit OFFSET @offset`).all(params) as UserRow[];
  return { rows, total };
}

export type RoleChange = { status: 'changed' | 'unchanged' | 'lastAdmin' | 'notFound'; user?: UserRow };

/**
 * Sets a user's role in one IMMEDIATE transaction: the admin count is read
 * under the write lock, so two admins demoting each other cannot both succeed.
 */
export function changeUserRole({ userId, role, now }: { userId: string; role: Role; now: Date }): RoleChange {
  const db = getDb().$client;
  const find = db.prepare('SELECT id, name, email, role, created_at AS createdAt FROM users WHERE id = ?');
  return db
    .transaction((): RoleChange => {
      const user = find.get(userId) as UserRow | undefined;
      if (!user) return { status: 'notFound' };
      if (user.role === role) return { status: 'unchanged', user };
      if (user.role === 'admin') {
        const admins = (db.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin'`).get() as { n: number }).n;
        if (admins <= 1) return { status: 'lastAdmin', user };
      }
      db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, now.getTime(), userId);
      return { status: 'changed', user: { ...user, role } };
    })
    .immediate();
}

export function findUserRow({ userId }: { userId: string }): UserRow | undefined {
  return getDb().$client.prepare('SELECT id, name, email, role, created_at AS createdAt FROM users WHERE id = ?').get(userId) as UserRow | undefined;
}
