import 'server-only';
import { randomUUID } from 'node:crypto';
import { progressTransaction, type ProgressQueries } from '@/db/progress';
import type { LessonProgress } from '@/db/schema';
import type { QuizQuestionWithKey } from '@/lib/content/types';
import { isQuizPassed } from '@/lib/progress/completion';
import { blankRow, durationOf, settle, type Learner } from '@/lib/progress/settle';
import { lessonStatus, type LessonStatus } from '@/lib/progress/status';
import { gradeQuiz, type QuizResult } from './grade';
import { attemptWindowStart, learnerAllowance, type Allowance } from './limits';
import type { Answers } from './parse-answers';

/** Stores a graded attempt; the best score counts and a pass is never taken back. */
export function recordQuizAttempt(learner: Learner, course: string, lesson: string, result: QuizResult, answers: Answers, now: Date): Promise<LessonStatus> {
  const duration = durationOf(course, lesson);
  return progressTransaction({ userId: learner.id }, async (q) => lessonStatus(lesson, await storeAttempt(q, learner, course, lesson, result, answers, now), duration));
}

export type LearnerAttempt =
  | { recorded: false; allowance: Allowance }
  | { recorded: true; allowance: Allowance; result: QuizResult; passedBefore: boolean; status: LessonStatus };

/**
 * A learner's attempt, within their limit: counting the attempts in the
 * window, grading and storing happen in one progress transaction, so posts
 * sent in parallel queue (on either engine) and cannot exceed the limit. At the limit nothing is
 * graded or stored.
 */
export function recordLimitedAttempt(learner: Learner, course: string, lesson: string, quiz: QuizQuestionWithKey[], answers: Answers, now: Date): Promise<LearnerAttempt> {
  const duration = durationOf(course, lesson);
  return progressTransaction({ userId: learner.id }, async (q): Promise<LearnerAttempt> => {
    const earlier = await q.attemptTimesSince({ userId: learner.id, course, lesson, since: attemptWindowStart(now) });
    const allowance = learnerAllowance(earlier, now);
    if (!allowance.allowed) return { recorded: false, allowance };
    const passedBefore = Boolean((await q.get({ userId: learner.id, course, lesson }))?.quizPassedAt);
    const result = gradeQuiz(quiz, answers);
    const row = await storeAttempt(q, learner, course, lesson, result, answers, now);
    return { recorded: true, allowance, result, passedBefore, status: lessonStatus(lesson, row, duration) };
  });
}

/** Only the quiz's own question and choice ids are stored (the answers come from parseAnswers). */
async function storeAttempt(q: ProgressQueries, learner: Learner, course: string, lesson: string, result: QuizResult, answers: Answers, now: Date): Promise<LessonProgress> {
  await q.insertAttempt({
    attempt: { id: randomUUID(), userId: learner.id, course, lesson, score: result.score, total: result.total, percent: result.percent, passed: result.passed, answers: JSON.stringify(answers), createdAt: now },
  });
  const row = (await q.get({ userId: learner.id, course, lesson })) ?? blankRow(learner, course, lesson, now);
  const next: LessonProgress = {
    ...row,
    quizBest: Math.max(row.quizBest ?? 0, result.percent),
    quizPassedAt: row.quizPassedAt ?? (isQuizPassed(result.percent) ? now : null),
    updatedAt: now,
  };
  await q.save({ row: next });
  return settle(q, learner, course, next, now);
}
