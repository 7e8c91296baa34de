import type { QuizQuestionWithKey } from '@/lib/content/types';
import { isQuizPassed } from '@/lib/progress/completion';

export type QuestionResult = { id: string; correct: boolean; selected: string[]; answer: string[] };
export type QuizResult = { score: number; total: number; percent: number; passed: boolean; questions: QuestionResult[] };

/**
 * Grades answers against the key. A question counts only when the selected set
 * equals the answer set exactly (no partial credit for multiple choice);
 * unknown choice ids are ignored, unanswered questions are wrong.
 */
export function gradeQuiz(quiz: QuizQuestionWithKey[], answers: Record<string, string[]>): QuizResult {
  const questions = quiz.map((question) => {
    const valid = new Set(question.choices.map((choice) => choice.id));
    const selected = [...new Set(answers[question.id] ?? [])].filter((id) => valid.has(id)).sort();
    const answer = [...question.answer].sort();
    const correct = selected.length === answer.length && selected.every((id, index) => id === answer[index]);
    return { id: question.id, correct, selected, answer };
  });
  const score = questions.filter((q) => q.correct).length;
  const percent = quiz.length ? Math.round((score / quiz.length) * 100) : 0;
  return { score, total: quiz.length, percent, passed: isQuizPassed(percent), questions };
}
