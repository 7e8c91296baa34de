import 'server-only';
import { randomBytes } from 'node:crypto';
import type { ProgressQueries } from '@/db/progress';
import type { LessonProgress } from '@/db/schema';
import { getCourse, lessonDuration } from '@/lib/content';
import { AppError } from '@/lib/http/errors';
import { defaultLocale } from '@/lib/i18n/locales';

export type Learner = { id: string; name: string };

/** Our own duration of a lesson's video; an unknown lesson is a not-found error. */
export function durationOf(course: string, lesson: string): number {
  const duration = lessonDuration(course, lesson);
  if (duration === undefined) throw new AppError('notFound', undefined, `unknown lesson ${course}/${lesson}`);
  return duration;
}

export function blankRow(learner: Learner, course: string, lesson: string, now: Date): LessonProgress {
  return {
    userId: learner.id, course, lesson, intervals: '[]', watchedSeconds: 0, position: 0, positionSentAt: null,
    lastHeartbeatAt: null, videoCompletedAt: null, quizBest: null, quizPassedAt: null, completedAt: null, firstActivityAt: now, updatedAt: now,
  };
}

/** Marks the lesson complete when both parts are done, and the course (with its certificate) when every lesson is. */
export async function settle(q: ProgressQueries, learner: Learner, course: string, row: LessonProgress, now: Date): Promise<LessonProgress> {
  if (row.completedAt || !row.videoCompletedAt || !row.quizPassedAt) return row;
  const completed = { ...row, completedAt: now };
  await q.save({ row: completed });
  const lessons = getCourse(course, defaultLocale)?.lessons.map((l) => l.slug) ?? [];
  const done = new Set(await q.completedLessons({ userId: learner.id, course }));
  if (lessons.length > 0 && lessons.every((slug) => done.has(slug))) {
    await q.issueCertificate({
      certificate: { id: randomBytes(18).toString('base64url'), userId: learner.id, course, learnerName: learner.name, issuedAt: now },
    });
  }
  return completed;
}
