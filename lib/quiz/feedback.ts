import type { QuizQuestionWithKey } from '@/lib/content/types';
import type { QuizResult } from './grade';

/** What a learner learns about one question: whether THEIR answer was right; the explanation and the key only when allowed. */
export type QuestionFeedback = { id: string; correct: boolean; selected: string[]; explanation?: string; answer?: string[] };

export type QuizFeedback = { score: number; total: number; percent: number; passed: boolean; revealed: boolean; questions: QuestionFeedback[] };

/** The key is shown only to whoever has passed: with this attempt, or (a signed-in learner) before. */
export function isRevealed(passed: boolean, passedBefore: boolean): boolean {
  return passed || passedBefore;
}

/**
 * The feedback on a graded attempt. Not revealed: each question says whether
 * your answer was right, with the explanation only for those you got right
 * (it explains an answer you already have). Revealed: the correct choices and
 * every explanation too. Nothing else of the key is in it.
 */
export function quizFeedback(quiz: QuizQuestionWithKey[], result: QuizResult, passedBefore: boolean): QuizFeedback {
  const revealed = isRevealed(result.passed, passedBefore);
  const questions = result.questions.map((graded): QuestionFeedback => {
    const question = quiz.find((q) => q.id === graded.id)!;
    const item: QuestionFeedback = { id: graded.id, correct: graded.correct, selected: graded.selected };
    if (graded.correct || revealed) item.explanation = question.explanation;
    if (revealed) item.answer = graded.answer;
    return item;
  });
  const { score, total, percent, passed } = result;
  return { score, total, percent, passed, revealed, questions };
}
