import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db, rows, tables } from './query';
import type { QuizAttempt } from './schema';

/** A learner's stored attempts at one quiz, oldest first. */
export async function listQuizAttempts({ userId, course, lesson }: { userId: string; course: string; lesson: string }): Promise<QuizAttempt[]> {
  const { quizAttempts } = tables();
  return rows(
    db()
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.course, course), eq(quizAttempts.lesson, lesson)))
      .orderBy(asc(quizAttempts.createdAt)),
  );
}
