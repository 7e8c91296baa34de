import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from './client';
import { quizAttempts, type QuizAttempt } from './schema';

/** A learner's stored attempts at one quiz, oldest first. */
export function listQuizAttempts({ userId, course, lesson }: { userId: string; course: string; lesson: string }): QuizAttempt[] {
  return getDb()
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.course, course), eq(quizAttempts.lesson, lesson)))
    .orderBy(asc(quizAttempts.createdAt))
    .all();
}
