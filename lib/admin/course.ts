import 'server-only';
import { attemptSummaries, courseFigures, learnerPage, lessonCells, lessonFunnels, type LearnerIdentity, type LearnerSort, type LearnerStatus, type LessonCell, type LessonSpec } from '@/db/admin-progress';
import { getCourse, type Course } from '@/lib/content';
import { AppError } from '@/lib/http/errors';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { courseState, coursePercent, lessonState, watchedPercent } from '@/lib/progress/completion';

export type { LessonFunnel, LearnerSort, LearnerStatus } from '@/db/admin-progress';
export { learnerSorts, learnerStatuses } from '@/db/admin-progress';

export type CellStatus = LearnerStatus;
export type AdminLessonCell = { lesson: string; coverage: number; quizBest: number | null; status: CellStatus };
export type AdminLearner = LearnerIdentity & { coursePercent: number; lastActivity: Date | null; completedAt: Date | null; status: CellStatus; lessons: AdminLessonCell[] };

/** The course in the admin's locale, and its lessons with durations for the SQL aggregates. */
export function adminCourse(slug: string, locale: Locale = defaultLocale): { course: Course; lessons: LessonSpec[] } {
  const course = getCourse(slug, locale);
  if (!course) throw new AppError('notFound', undefined, `unknown course ${slug}`);
  return { course, lessons: course.lessons.map((lesson) => ({ slug: lesson.slug, duration: lesson.duration })) };
}

export function cellStatus(cell: Pick<LessonCell, 'watchedSeconds' | 'quizBest' | 'completedAt'> | undefined): CellStatus {
  return lessonState(cell && { ...cell, complete: cell.completedAt !== null });
}

/**
 * Each learner's lessons in course order, course percent, last activity and
 * completion, from their lesson rows (one query for the whole page or batch),
 * with the learner's own rules (lib/progress/completion.ts).
 */
export async function withLessonCells(course: string, lessons: LessonSpec[], learners: LearnerIdentity[]): Promise<AdminLearner[]> {
  const cells = new Map<string, LessonCell>();
  for (const cell of (await lessonCells({ course, userIds: learners.map((learner) => learner.id) }))) cells.set(`${cell.userId}\n${cell.lesson}`, cell);
  return learners.map(({ id, name, email, signedUpAt }) => {
    const mine = lessons.map((lesson) => ({ lesson, cell: cells.get(`${id}\n${lesson.slug}`) }));
    const views = mine.map(({ lesson, cell }) => ({ lesson: lesson.slug, coverage: watchedPercent(cell?.watchedSeconds ?? 0, lesson.duration), quizBest: cell?.quizBest ?? null, status: cellStatus(cell) }));
    const rows = mine.flatMap(({ cell }) => (cell ? [cell] : []));
    const status = courseState(views.map((view) => view.status));
    const latest = (dates: (Date | null)[]) => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));
    return {
      id,
      name,
      email,
      signedUpAt,
      coursePercent: coursePercent(views.map((view) => ({ complete: view.status === 'complete' }))),
      lastActivity: rows.length > 0 ? latest(rows.map((row) => row.updatedAt)) : null,
      completedAt: status === 'complete' ? latest(rows.map((row) => row.completedAt)) : null,
      status,
      lessons: views,
    };
  });
}

export async function dashboard(slug: string, locale: Locale) {
  const { course, lessons } = adminCourse(slug, locale);
  const figures = await courseFigures({ course: slug, lessons });
  return {
    course,
    figures: { ...figures, completionRate: figures.enrolled === 0 ? 0 : Math.round((figures.completed / figures.enrolled) * 1000) / 10 },
    funnels: await lessonFunnels({ course: slug, lessons }),
  };
}

export type LearnerTableQuery = { search?: string; status?: LearnerStatus; sort: LearnerSort; direction: 'asc' | 'desc'; page: number };
export const learnersPerPage = 25;

export async function learnerTable(slug: string, locale: Locale, query: LearnerTableQuery) {
  const { lessons } = adminCourse(slug, locale);
  const fetch = (page: number) => learnerPage({ course: slug, lessons, search: query.search, status: query.status, sort: query.sort, direction: query.direction, limit: learnersPerPage, offset: (page - 1) * learnersPerPage });
  let page = query.page;
  let { rows, total } = await fetch(page);
  const pages = Math.max(1, Math.ceil(total / learnersPerPage));
  // A page past the end (an old or edited link) shows the last page instead of nothing.
  if (page > pages) {
    page = pages;
    ({ rows, total } = await fetch(page));
  }
  return { learners: await withLessonCells(slug, lessons, rows), total, page, pages };
}

/** One learner's lessons: coverage, position, quiz attempts and completion. */
export async function learnerDetail(userId: string, slug: string, locale: Locale) {
  const { course } = adminCourse(slug, locale);
  const cells = new Map((await lessonCells({ course: slug, userIds: [userId] })).map((cell) => [cell.lesson, cell]));
  const attempts = new Map((await attemptSummaries({ userId, course: slug })).map((a) => [a.lesson, a]));
  return {
    course,
    lessons: course.lessons.map((lesson) => {
      const cell = cells.get(lesson.slug);
      return {
        slug: lesson.slug,
        title: lesson.title,
        coverage: watchedPercent(cell?.watchedSeconds ?? 0, lesson.duration),
        position: Math.round(cell?.position ?? 0),
        duration: Math.round(lesson.duration),
        status: cellStatus(cell),
        attempts: attempts.get(lesson.slug) ?? null,
        completedAt: cell?.completedAt ?? null,
      };
    }),
  };
}
