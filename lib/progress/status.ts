import 'server-only';
import { createHash } from 'node:crypto';
import { listCertificates, listLessonProgress } from '@/db/progress';
import type { Certificate, LessonProgress } from '@/db/schema';
import { getCourse } from '@/lib/content';
import { AppError } from '@/lib/http/errors';
import { defaultLocale } from '@/lib/i18n/locales';
import { coursePercent, shownLessonState, watchedPercent, type LessonState } from './completion';

export type LessonStatus = {
  lesson: string;
  watchedPercent: number;
  position: number;
  videoComplete: boolean;
  quizBest: number | null;
  quizPassed: boolean;
  complete: boolean;
  /** Not started, in progress or complete, as the learner is shown it (shownLessonState in ./completion.ts). */
  state: LessonState;
};

export type CourseStatus = {
  course: string;
  /** Opaque and stable per learner: the browser keys unsent progress by it, so another account on the same browser never sends it. */
  learnerKey: string;
  coursePercent: number;
  complete: boolean;
  certificate: { id: string; url: string; issuedAt: string } | null;
  lessons: LessonStatus[];
};

export function lessonStatus(lesson: string, row: LessonProgress | undefined, duration: number): LessonStatus {
  const watched = watchedPercent(row?.watchedSeconds ?? 0, duration);
  return {
    lesson,
    watchedPercent: watched,
    position: Math.round((row?.position ?? 0) * 10) / 10,
    videoComplete: Boolean(row?.videoCompletedAt),
    quizBest: row?.quizBest ?? null,
    quizPassed: Boolean(row?.quizPassedAt),
    complete: Boolean(row?.completedAt),
    state: shownLessonState({ watchedPercent: watched, quizBest: row?.quizBest ?? null, complete: Boolean(row?.completedAt) }),
  };
}

function certificateView(certificate: Certificate | undefined): CourseStatus['certificate'] {
  return certificate ? { id: certificate.id, url: `/certificates/${certificate.id}`, issuedAt: certificate.issuedAt.toISOString() } : null;
}

export async function courseStatus(userId: string, course: string): Promise<CourseStatus> {
  const lessons = getCourse(course, defaultLocale)?.lessons;
  if (!lessons) throw new AppError('notFound', undefined, `unknown course ${course}`);
  const rows = new Map((await listLessonProgress({ userId, course })).map((row) => [row.lesson, row]));
  const statuses = lessons.map((lesson) => lessonStatus(lesson.slug, rows.get(lesson.slug), lesson.duration));
  const certificate = (await listCertificates({ userId })).find((c) => c.course === course);
  return {
    course,
    learnerKey: createHash('sha256').update(`aula-learner:${userId}`).digest('base64url').slice(0, 16),
    coursePercent: coursePercent(statuses),
    complete: statuses.every((status) => status.complete),
    certificate: certificateView(certificate),
    lessons: statuses,
  };
}
