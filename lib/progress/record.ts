import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { listCertificates, listLessonProgress, progressTransaction, type ProgressQueries } from '@/db/progress';
import type { Certificate, LessonProgress } from '@/db/schema';
import { getCourse, lessonDuration } from '@/lib/content';
import { AppError } from '@/lib/http/errors';
import { defaultLocale } from '@/lib/i18n/locales';
import type { QuizResult } from '@/lib/quiz/grade';
import { coursePercent, isQuizPassed, isVideoComplete, watchedPercent } from './completion';
import { availableCredit } from './credit';
import { coverage, creditIntervals, type Interval } from './intervals';

export type LessonStatus = {
  lesson: string;
  watchedPercent: number;
  position: number;
  videoComplete: boolean;
  quizBest: number | null;
  quizPassed: boolean;
  complete: boolean;
};

export type CourseStatus = {
  course: string;
  coursePercent: number;
  complete: boolean;
  certificate: { id: string; url: string; issuedAt: string } | null;
  lessons: LessonStatus[];
};

type Learner = { id: string; name: string };

export function lessonStatus(lesson: string, row: LessonProgress | undefined, duration: number): LessonStatus {
  return {
    lesson,
    watchedPercent: watchedPercent(row?.watchedSeconds ?? 0, duration),
    position: Math.round((row?.position ?? 0) * 10) / 10,
    videoComplete: Boolean(row?.videoCompletedAt),
    quizBest: row?.quizBest ?? null,
    quizPassed: Boolean(row?.quizPassedAt),
    complete: Boolean(row?.completedAt),
  };
}

function durationOf(course: string, lesson: string): number {
  const duration = lessonDuration(course, lesson);
  if (duration === undefined) throw new AppError('notFound', undefined, `unknown lesson ${course}/${lesson}`);
  return duration;
}

function certificateView(certificate: Certificate | undefined): CourseStatus['certificate'] {
  return certificate ? { id: certificate.id, url: `/certificates/${certificate.id}`, issuedAt: certificate.issuedAt.toISOString() } : null;
}

/** Marks the lesson complete when both parts are done, and the course (with its certificate) when every lesson is. */
function settle(q: ProgressQueries, learner: Learner, course: string, row: LessonProgress, now: Date): LessonProgress {
  if (row.completedAt || !row.videoCompletedAt || !row.quizPassedAt) return row;
  const completed = { ...row, completedAt: now };
  q.save({ row: completed });
  const lessons = getCourse(course, defaultLocale)?.lessons.map((l) => l.slug) ?? [];
  const done = new Set(q.completedLessons({ userId: learner.id, course }));
  if (lessons.length > 0 && lessons.every((slug) => done.has(slug))) {
    q.issueCertificate({
      certificate: { id: randomBytes(18).toString('base64url'), userId: learner.id, course, learnerName: learner.name, issuedAt: now },
    });
  }
  return completed;
}

function blankRow(learner: Learner, course: string, lesson: string, now: Date): LessonProgress {
  return {
    userId: learner.id, course, lesson, intervals: '[]', watchedSeconds: 0, position: 0, positionSentAt: null, creditBalance: 0,
    lastHeartbeatAt: null, videoCompletedAt: null, quizBest: null, quizPassedAt: null, completedAt: null, firstActivityAt: now, updatedAt: now,
  };
}

export type Heartbeat = { course: string; lesson: string; intervals: Interval[]; position: number; sentAt?: number };

/**
 * Merges a player heartbeat into the learner's progress. Duration is ours;
 * new coverage is limited by wall-clock credit; nothing ever goes backwards.
 */
export function recordHeartbeat(learner: Learner, beat: Heartbeat, now: Date): LessonStatus {
  const duration = durationOf(beat.course, beat.lesson);
  return progressTransaction((q) => {
    const row = q.get({ userId: learner.id, course: beat.course, lesson: beat.lesson }) ?? blankRow(learner, beat.course, beat.lesson, now);
    const allowance = availableCredit(row.creditBalance, row.lastHeartbeatAt, now);
    const { merged, credited } = creditIntervals(JSON.parse(row.intervals) as Interval[], beat.intervals, duration, allowance);
    const watchedSeconds = coverage(merged);
    // A late or replayed heartbeat must not move the resume point back to where it was.
    const sentAt = new Date(Math.min(beat.sentAt ?? now.getTime(), now.getTime()));
    const fresher = !row.positionSentAt || sentAt.getTime() >= row.positionSentAt.getTime();
    const next: LessonProgress = {
      ...row,
      intervals: JSON.stringify(merged.map(([s, e]) => [Math.round(s * 1000) / 1000, Math.round(e * 1000) / 1000])),
      watchedSeconds,
      position: fresher ? Math.min(Math.max(0, beat.position), duration) : row.position,
      positionSentAt: fresher ? sentAt : row.positionSentAt,
      creditBalance: allowance - credited,
      lastHeartbeatAt: now,
      videoCompletedAt: row.videoCompletedAt ?? (isVideoComplete(watchedSeconds, duration) ? now : null),
      updatedAt: now,
    };
    q.save({ row: next });
    return lessonStatus(beat.lesson, settle(q, learner, beat.course, next, now), duration);
  });
}

/** Stores a graded attempt; the best score counts and a pass is never taken back. */
export function recordQuizAttempt(learner: Learner, course: string, lesson: string, result: QuizResult, answers: Record<string, string[]>, now: Date): LessonStatus {
  const duration = durationOf(course, lesson);
  return progressTransaction((q) => {
    q.insertAttempt({
      attempt: { id: randomUUID(), userId: learner.id, course, lesson, score: result.score, total: result.total, percent: result.percent, passed: result.passed, answers: JSON.stringify(answers), createdAt: now },
    });
    const row = q.get({ userId: learner.id, course, lesson }) ?? blankRow(learner, course, lesson, now);
    const next: LessonProgress = {
      ...row,
      quizBest: Math.max(row.quizBest ?? 0, result.percent),
      quizPassedAt: row.quizPassedAt ?? (isQuizPassed(result.percent) ? now : null),
      updatedAt: now,
    };
    q.save({ row: next });
    return lessonStatus(lesson, settle(q, learner, course, next, now), duration);
  });
}

export function courseStatus(userId: string, course: string): CourseStatus {
  const lessons = getCourse(course, defaultLocale)?.lessons;
  if (!lessons) throw new AppError('notFound', undefined, `unknown course ${course}`);
  const rows = new Map(listLessonProgress({ userId, course }).map((row) => [row.lesson, row]));
  const statuses = lessons.map((lesson) => lessonStatus(lesson.slug, rows.get(lesson.slug), lesson.duration));
  const certificate = listCertificates({ userId }).find((c) => c.course === course);
  return {
    course,
    coursePercent: coursePercent(statuses),
    complete: statuses.every((status) => status.complete),
    certificate: certificateView(certificate),
    lessons: statuses,
  };
}
