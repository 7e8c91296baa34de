import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseFigures, learnerBatch, learnerPage, lessonFunnels, type LessonSpec } from '@/db/admin-progress';
import { changes, db, tables } from '@/db/query';
import { engine } from '@/db/client';
import type { NewLessonProgress, Role } from '@/db/schema';
import { insertUser } from '@/db/users';
import { adminCourse, dashboard, learnerDetail, learnerTable } from '@/lib/admin/course';
import { completionCsv } from '@/lib/admin/export';
import { learnerTableSchema } from '@/lib/admin/schemas';
import { coursePercent, watchedPercent } from '@/lib/progress/completion';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { certificates, lessonProgress, quizAttempts } = tables();

const course = 'risoluzione-dei-conflitti';
const hour = 3_600_000;
const t0 = new Date('2030-01-01T08:00:00Z').getTime();
let lessons: LessonSpec[];
const ids: Record<string, string> = {};

async function user(key: string, name: string, email: string, role: Role = 'learner') {
  const now = new Date(t0);
  ids[key] = (await insertUser({ user: { id: randomUUID(), email, name, passwordHash: 'x', role, createdAt: now, updatedAt: now } }))!.id;
}

async function progress(key: string, lesson: LessonSpec, row: Partial<NewLessonProgress>) {
  (await changes(db()
    .insert(lessonProgress)
    .values({ userId: ids[key]!, course, lesson: lesson.slug, firstActivityAt: new Date(t0), updatedAt: new Date(t0), ...row })));
}

/** Every lesson done; the last one completed `hours` after the first activity. */
async function completeAll(key: string, hours: number) {
  lessons.forEach((lesson, i) => {
    const at = new Date(t0 + ((hours * hour) / lessons.length) * (i + 1));
    progress(key, lesson, { watchedSeconds: lesson.duration, videoCompletedAt: at, quizBest: 100, quizPassedAt: at, completedAt: at, updatedAt: at });
  });
  (await changes(db().insert(certificates).values({ id: randomUUID(), userId: ids[key]!, course, learnerName: key, issuedAt: new Date(t0 + hours * hour) })));
}

const formula = '=HYPERLINK("http://evil.example","click")';

beforeAll(async () => {
  lessons = adminCourse(course).lessons;
  await user('anna', 'Anna Rossi', 'anna@example.com');
  await user('bruno', 'Bruno Bianchi', 'bruno@example.com');
  await user('carla', 'Carla Élise', 'carla@example.com');
  await user('dario', 'Dario Neri', 'dario@example.com');
  await user('evil', formula, 'evil@example.com');
  await user('editor', 'Edith Editor', 'edith@example.com', 'editor');
  await user('admin', 'Ada Admin', 'ada@example.com', 'admin');
  await completeAll('anna', 2);
  await completeAll('bruno', 4);
  // Carla: half the first video and its quiz passed (80 %), a second lesson opened but not watched.
  await progress('carla', lessons[0]!, { watchedSeconds: lessons[0]!.duration / 2, quizBest: 80, quizPassedAt: new Date(t0 + hour), updatedAt: new Date(t0 + 5 * hour) });
  await progress('carla', lessons[1]!, {});
  (await changes(db().insert(quizAttempts).values([
    { id: randomUUID(), userId: ids.carla!, course, lesson: lessons[0]!.slug, score: 2, total: 5, percent: 40, passed: false, answers: '{}', createdAt: new Date(t0 + 1000) },
    { id: randomUUID(), userId: ids.carla!, course, lesson: lessons[0]!.slug, score: 4, total: 5, percent: 80, passed: true, answers: '{}', createdAt: new Date(t0 + 2000) },
    { id: randomUUID(), userId: ids.carla!, course, lesson: lessons[0]!.slug, score: 3, total: 5, percent: 60, passed: false, answers: '{}', createdAt: new Date(t0 + 3000) },
  ])));
  // Dario: a row (a heartbeat with nothing watched) but no activity.
  await progress('dario', lessons[0]!, {});
});

// Half a video and a passed quiz complete no lesson: 0 % of the course.
const carlaPercent = () => coursePercent(lessons.map(() => ({ complete: false })));

describe('course figures', () => {
  it('counts enrolled, started, completed, certificates and the median time to complete', async () => {
    // Enrolled: the five learner accounts (Evil never opened a lesson), as in the learner list; not the two staff.
    expect(await courseFigures({ course, lessons })).toEqual({ enrolled: 5, started: 3, completed: 2, certificates: 2, medianCompletionMs: 3 * hour });
    expect((await dashboard(course, 'en')).figures.completionRate).toBe(40);
    expect((await courseFigures({ course, lessons })).enrolled).toBe((await learnerPage({ course, lessons, sort: 'name', direction: 'asc', limit: 1, offset: 0 })).total);
  });

  it('the funnel counts each step per lesson, with average coverage and quiz score', async () => {
    const [first, second, third] = await lessonFunnels({ course, lessons });
    expect(first).toMatchObject({ lesson: lessons[0]!.slug, started: 3, videoWatched: 2, quizPassed: 3, complete: 2 });
    expect(first!.averageCoverage).toBeCloseTo((100 + 100 + watchedPercent(lessons[0]!.duration / 2, lessons[0]!.duration)) / 3);
    expect(first!.averageQuiz).toBeCloseTo((100 + 100 + 80) / 3);
    expect(second).toMatchObject({ started: 2, videoWatched: 2, complete: 2, averageCoverage: 100 });
    expect(third).toMatchObject({ started: 2, complete: 2 });
  });
});

describe('learner table', () => {
  const page = (changes: Partial<Parameters<typeof learnerPage>[0]> = {}) =>
    learnerPage({ course, lessons, sort: 'name', direction: 'asc', limit: 25, offset: 0, ...changes });

  it('lists learners and anyone with progress, with course percent, sorted by name', async () => {
    const { rows, total } = await page();
    expect(total).toBe(5);
    expect(rows.map((r) => r.email)).toEqual(['evil@example.com', 'anna@example.com', 'bruno@example.com', 'carla@example.com', 'dario@example.com']);
    expect(rows.find((r) => r.email === 'carla@example.com')!.coursePercent).toBe(carlaPercent());
    expect(rows.find((r) => r.email === 'anna@example.com')).toMatchObject({ coursePercent: 100, completedLessons: 5, completedAt: new Date(t0 + 2 * hour) });
  });

  it('sorts by course percent, e-mail and last activity, both ways', async () => {
    // Ties (0 %: Carla has no lesson complete yet) by e-mail, in the same direction.
    expect((await page({ sort: 'percent', direction: 'desc' })).rows.map((r) => r.email)).toEqual(['bruno@example.com', 'anna@example.com', 'evil@example.com', 'dario@example.com', 'carla@example.com']);
    expect((await page({ sort: 'email', direction: 'desc' })).rows[0]!.email).toBe('evil@example.com');
    expect((await page({ sort: 'activity', direction: 'desc' })).rows.slice(0, 3).map((r) => r.email)).toEqual(['carla@example.com', 'bruno@example.com', 'anna@example.com']);
  });

  it('filters by text (name or e-mail, case-insensitive, LIKE wildcards literal) and by status', async () => {
    expect((await page({ search: 'CARL' })).rows.map((r) => r.email)).toEqual(['carla@example.com']);
    expect((await page({ search: 'bianchi' })).rows.map((r) => r.email)).toEqual(['bruno@example.com']);
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ status: 'complete' })).rows.map((r) => r.email)).toEqual(['anna@example.com', 'bruno@example.com']);
    expect((await page({ status: 'inProgress' })).rows.map((r) => r.email)).toEqual(['carla@example.com']);
    expect((await page({ status: 'notStarted' })).rows.map((r) => r.email)).toEqual(['evil@example.com', 'dario@example.com']);
  });

  it('pages with limit and offset; a page past the end shows the last page', async () => {
    expect((await page({ limit: 2, offset: 2 })).rows.map((r) => r.email)).toEqual(['bruno@example.com', 'carla@example.com']);
    const table = await learnerTable(course, 'en', { sort: 'name', direction: 'asc', page: 99 });
    expect(table).toMatchObject({ page: 1, pages: 1, total: 5 });
    const carla = table.learners.find((l) => l.email === 'carla@example.com')!;
    expect(carla.lessons.map((c) => c.status)).toEqual(['inProgress', 'notStarted', 'notStarted', 'notStarted', 'notStarted']);
    // The page shows what the SQL sorted by: both follow lib/progress/completion.ts.
    expect(carla).toMatchObject({ coursePercent: carlaPercent(), lastActivity: new Date(t0 + 5 * hour), status: 'inProgress', completedAt: null });
    expect(table.learners.find((l) => l.email === 'anna@example.com')).toMatchObject({ coursePercent: 100, status: 'complete', completedAt: new Date(t0 + 2 * hour) });
  });

  it('bad query parameters fall back to defaults instead of failing', () => {
    expect(learnerTableSchema.parse({ sort: 'drop table', dir: 'sideways', page: '-4', status: 'weird', q: '   ' })).toEqual({ sort: 'name', dir: 'asc', page: 1, status: undefined, q: undefined });
    expect(learnerTableSchema.parse({ sort: 'percent', dir: 'desc', page: '3', status: 'complete', q: ' anna ' })).toEqual({ sort: 'percent', dir: 'desc', page: 3, status: 'complete', q: 'anna' });
  });

  it('a batch continues after the last e-mail (keyset)', async () => {
    const first = await learnerBatch({ course, lessons, afterEmail: null, limit: 2 });
    const next = await learnerBatch({ course, lessons, afterEmail: first.at(-1)!.email, limit: 2 });
    expect([...first, ...next].map((r) => r.email)).toEqual(['anna@example.com', 'bruno@example.com', 'carla@example.com', 'dario@example.com']);
    // With the learner list's filters, the same people as the list.
    expect((await learnerBatch({ course, lessons, status: 'complete', afterEmail: 'anna@example.com', limit: 10 })).map((r) => r.email)).toEqual(['bruno@example.com']);
    // lower() folds only ASCII letters on SQLite; PostgreSQL folds every letter, so "élise" finds "Carla Élise" there.
    expect((await learnerBatch({ course, lessons, search: 'élise', afterEmail: null, limit: 10 })).map((r) => r.email)).toEqual(engine() === 'postgres' ? ['carla@example.com'] : []);
    expect((await learnerBatch({ course, lessons, search: 'carla', afterEmail: null, limit: 10 })).map((r) => r.email)).toEqual(['carla@example.com']);
  });

  it("a learner's detail has coverage, quiz attempts (count, best, last) and completion per lesson", async () => {
    const detail = await learnerDetail(ids.carla!, course, 'en');
    expect(detail.lessons[0]).toMatchObject({ status: 'inProgress', attempts: { count: 3, best: 80, last: 60 }, completedAt: null });
    expect(detail.lessons[1]).toMatchObject({ coverage: 0, status: 'notStarted', attempts: null });
    expect((await learnerDetail(ids.anna!, course, 'en')).lessons.every((l) => l.status === 'complete' && l.completedAt)).toBe(true);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('CSV export', () => {
  const csv = (changes: Partial<Parameters<typeof completionCsv>[0]> = {}, batch?: number) =>
    readAll(completionCsv({ course, locale: 'it', separator: ';', ...changes }, batch));
  const signedUp = new Date(t0).toISOString();

  it('streams a BOM, the header and one row per learner, across batches, in Italian with ";"', async () => {
    const raw = new Uint8Array(await new Response(completionCsv({ course, locale: 'it', separator: ';' }, 2)).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await csv({}, 2)).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      ['E-mail', 'Nome', ...lessons.flatMap((_, i) => [`L${i + 1} video guardato (%)`, `L${i + 1} miglior quiz (%)`, `L${i + 1} stato`]), 'Corso (%)', 'Corso completato il', 'Ultima attività', 'Registrato il'].join(';'),
    );
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['anna@example.com', 'bruno@example.com', 'carla@example.com', 'dario@example.com', 'evil@example.com']);
    const annaDone = new Date(t0 + 2 * hour).toISOString();
    expect(lines[1]).toBe(['anna@example.com', 'Anna Rossi', ...lessons.flatMap(() => ['100', '100', 'Completata']), '100', annaDone, annaDone, signedUp].join(';'));
    const half = watchedPercent(lessons[0]!.duration / 2, lessons[0]!.duration);
    expect(lines[3]).toBe(
      ['carla@example.com', 'Carla Élise', String(half), '80', 'In corso', '0', '', 'Da iniziare', ...lessons.slice(2).flatMap(() => ['0', '', 'Da iniziare']), String(carlaPercent()), '', new Date(t0 + 5 * hour).toISOString(), signedUp].join(';'),
    );
  });

  it('in English with ",", and only the filtered learners', async () => {
    const lines = (await csv({ locale: 'en', separator: ',', status: 'complete' })).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('Email,Name,L1 video watched (%),L1 best quiz (%),L1 status,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['anna@example.com', 'bruno@example.com']);
    expect(lines[1]).toContain(',Complete,');
    const searched = (await csv({ search: 'dario' })).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(searched.slice(1).map((line) => line.split(';')[0])).toEqual(['dario@example.com']);
  });

  it('neutralises a formula in a name and quotes it', async () => {
    const text = await csv({ locale: 'en', separator: ',' });
    expect(text).toContain(`evil@example.com,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });
});
