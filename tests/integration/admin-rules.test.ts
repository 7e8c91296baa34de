import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseFigures, learnerPage, lessonFunnels } from '@/db/admin-progress';
import { changes, db, tables } from '@/db/query';
import type { NewLessonProgress, Role } from '@/db/schema';
import { insertUser } from '@/db/users';
import { adminCourse, learnerTable } from '@/lib/admin/course';
import { courseState, isEnrolled, isLessonStarted, isQuizPassed, isVideoComplete, lessonState } from '@/lib/progress/completion';
import { courseStatus } from '@/lib/progress/status';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { lessonProgress } = tables();

// The admin's SQL and the learner's TypeScript must agree: the same rules
// (lib/progress/rules.ts) in two languages, checked on seeded data.

const course = 'risoluzione-dei-conflitti';
const { lessons } = adminCourse(course);
const learners: { id: string; role: Role; rows: NewLessonProgress[] }[] = [];
const staffWithout: string[] = [];

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeAll(async () => {
  const next = random(42);
  const t0 = new Date('2030-05-01T08:00:00Z').getTime();
  for (let i = 0; i < 150; i++) {
    const now = new Date(t0 + i * 60_000);
    // Mostly learners; some editors and admins, who count only with progress in the course.
    const role: Role = i % 25 === 3 ? 'editor' : i % 25 === 7 ? 'admin' : 'learner';
    const user = (await insertUser({ user: { id: randomUUID(), email: `learner${i}@example.com`, name: `Learner ${i}`, passwordHash: 'x', role, createdAt: now, updatedAt: now } }))!;
    const rows: NewLessonProgress[] = [];
    for (const lesson of lessons) {
      const roll = next();
      if (roll < 0.25) continue; // no row
      const watchedSeconds = roll < 0.35 ? 0 : roll > 0.8 ? lesson.duration * (0.85 + next() * 0.15) : lesson.duration * next();
      const quizBest = next() < 0.4 ? null : [0, 20, 40, 60, 67, 70, 80, 100][Math.floor(next() * 8)]!;
      const at = new Date(t0 + i * 60_000 + Math.floor(next() * 86_400_000));
      const video = isVideoComplete(watchedSeconds, lesson.duration) ? at : null;
      const quiz = isQuizPassed(quizBest) ? at : null;
      rows.push({ userId: user.id, course, lesson: lesson.slug, watchedSeconds, quizBest, videoCompletedAt: video, quizPassedAt: quiz, completedAt: video && quiz ? at : null, firstActivityAt: now, updatedAt: at });
    }
    if (role !== 'learner' && i % 2 === 1) rows.length = 0; // some staff never opened the course
    if (role === 'learner' && i % 30 === 11) rows.length = 0; // and some learners signed up only
    if (rows.length > 0) (await changes(db().insert(lessonProgress).values(rows)));
    if (isEnrolled({ role, hasProgress: rows.length > 0 })) learners.push({ id: user.id, role, rows });
    else staffWithout.push(user.id);
  }
});

const stateOf = (row: NewLessonProgress | undefined) => lessonState(row && { watchedSeconds: row.watchedSeconds ?? 0, quizBest: row.quizBest ?? null, complete: Boolean(row.completedAt) });
const courseStateOf = (learner: (typeof learners)[number]) => courseState(lessons.map((lesson) => stateOf(learner.rows.find((row) => row.lesson === lesson.slug))));

describe('the dashboard and the learner follow the same rules', () => {
  it('each learner’s course percent in the SQL table equals the one the learner sees', async () => {
    const { rows } = await learnerPage({ course, lessons, sort: 'email', direction: 'asc', limit: 1000, offset: 0 });
    expect(rows).toHaveLength(learners.length);
    for (const row of rows) expect(row.coursePercent).toBe((await courseStatus(row.id, course)).coursePercent);
    // And the page's own TypeScript path agrees too.
    for (const learner of (await learnerTable(course, 'it', { sort: 'email', direction: 'asc', page: 1 })).learners) {
      expect(learner.coursePercent).toBe((await courseStatus(learner.id, course)).coursePercent);
    }
  });

  it('enrolled, started and completed equal the per-learner rules', async () => {
    const figures = await courseFigures({ course, lessons });
    // One definition of enrolled (isEnrolled / enrolledSql): the dashboard's figure is the learner list's total.
    expect(staffWithout.length).toBeGreaterThan(0);
    expect(learners.some((learner) => learner.role !== 'learner')).toBe(true);
    expect(figures.enrolled).toBe(learners.length);
    expect(figures.enrolled).toBe((await learnerPage({ course, lessons, sort: 'email', direction: 'asc', limit: 1, offset: 0 })).total);
    expect(figures.started).toBe(learners.filter((learner) => learner.rows.some((row) => isLessonStarted({ watchedSeconds: row.watchedSeconds ?? 0, quizBest: row.quizBest ?? null }))).length);
    expect(figures.completed).toBe(learners.filter((learner) => courseStateOf(learner) === 'complete').length);
  });

  it('the status filters partition learners exactly as courseState does', async () => {
    for (const status of ['notStarted', 'inProgress', 'complete'] as const) {
      const { total } = await learnerPage({ course, lessons, status, sort: 'email', direction: 'asc', limit: 1, offset: 0 });
      expect(total, status).toBe(learners.filter((learner) => courseStateOf(learner) === status).length);
    }
  });

  it('each lesson’s funnel counts what the per-lesson rules count', async () => {
    const funnels = await lessonFunnels({ course, lessons });
    lessons.forEach((lesson, i) => {
      const rows = learners.flatMap((learner) => learner.rows.filter((row) => row.lesson === lesson.slug));
      expect(funnels[i]).toMatchObject({
        lesson: lesson.slug,
        started: rows.filter((row) => stateOf(row) !== 'notStarted').length,
        videoWatched: rows.filter((row) => row.videoCompletedAt).length,
        quizPassed: rows.filter((row) => row.quizPassedAt).length,
        complete: rows.filter((row) => stateOf(row) === 'complete').length,
      });
    });
  });
});
