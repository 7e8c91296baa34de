import 'server-only';
import { randomUUID } from 'node:crypto';
import { progressTransaction } from '@/db/progress';
import type { LessonProgress } from '@/db/schema';
import { isQuizPassed } from '@/lib/progress/completion';
import { blankRow, durationOf, settle, type Learner } from '@/lib/progress/settle';
import { lessonStatus, type LessonStatus } from '@/lib/progress/status';
import type { QuizResult } from './grade';

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
