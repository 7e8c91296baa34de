import { describe, expect, it } from 'vitest';
import { getQuizWithKey } from '@/lib/content';
import { quizFeedback } from '@/lib/quiz/feedback';
import { gradeQuiz } from '@/lib/quiz/grade';

// The real quiz of a lesson, so the explanations are the texts a learner would see.
const quiz = getQuizWithKey('risoluzione-dei-conflitti', 'tipi-di-cliente', 'en')!;
const right = Object.fromEntries(quiz.map((q) => [q.id, q.answer]));
const wrongChoice = (id: string) => {
  const question = quiz.find((q) => q.id === id)!;
  return [question.choices.find((c) => !question.answer.includes(c.id))!.id];
};
/** Right on the first `n` questions, wrong on the rest. */
const answersRightOn = (n: number) => Object.fromEntries(quiz.map((q, i) => [q.id, i < n ? q.answer : wrongChoice(q.id)]));
const json = (value: unknown) => JSON.stringify(value);

describe('what the feedback on an attempt reveals', () => {
  it('failed: which of your answers were right; explanations only for those; no correct choices', () => {
    const answers = answersRightOn(2);
    const feedback = quizFeedback(quiz, gradeQuiz(quiz, answers), false);
    expect(feedback).toMatchObject({ score: 2, total: quiz.length, passed: false, revealed: false });
    feedback.questions.forEach((item, i) => {
      expect(item.correct).toBe(i < 2);
      expect(item.selected).toEqual([...answers[item.id]!].sort());
      expect(item.explanation).toBe(i < 2 ? quiz[i]!.explanation : undefined);
      expect(item).not.toHaveProperty('answer');
    });
    const text = json(feedback);
    for (const missed of quiz.slice(2)) expect(text).not.toContain(missed.explanation);
    expect(text).not.toContain('"answer"');
  });

  it('failed with nothing right: no explanation at all', () => {
    const feedback = quizFeedback(quiz, gradeQuiz(quiz, answersRightOn(0)), false);
    expect(feedback.questions.every((item) => item.explanation === undefined && item.answer === undefined)).toBe(true);
    for (const question of quiz) expect(json(feedback)).not.toContain(question.explanation);
  });

  it('passed: the correct choices and every explanation, the missed ones too', () => {
    const answers = answersRightOn(quiz.length - 1);
    const feedback = quizFeedback(quiz, gradeQuiz(quiz, answers), false);
    expect(feedback).toMatchObject({ passed: true, revealed: true });
    feedback.questions.forEach((item, i) => {
      expect(item.explanation).toBe(quiz[i]!.explanation);
      expect(item.answer).toEqual([...quiz[i]!.answer].sort());
    });
    expect(feedback.questions.at(-1)!.correct).toBe(false);
  });

  it('passed before: a later failed attempt of the same learner shows everything', () => {
    const feedback = quizFeedback(quiz, gradeQuiz(quiz, answersRightOn(1)), true);
    expect(feedback).toMatchObject({ passed: false, revealed: true });
    expect(feedback.questions.map((item) => item.answer)).toEqual(quiz.map((q) => [...q.answer].sort()));
    expect(feedback.questions.every((item) => item.explanation)).toBe(true);
  });

  it('an all-right attempt passes and reveals', () => {
    expect(quizFeedback(quiz, gradeQuiz(quiz, right), false)).toMatchObject({ score: quiz.length, percent: 100, revealed: true });
  });
});
