import { describe, expect, it } from 'vitest';
import { activeParagraph, startOf } from '@/lib/content/transcript-timing';
import { gradeQuiz } from '@/lib/quiz/grade';

const spans = [
  { id: 'a', start: 0, end: 10 },
  { id: 'b', start: 10, end: 25 },
  { id: 'c', start: 25, end: 40 },
];

describe('transcript timing', () => {
  it('finds the paragraph being spoken', () => {
    expect(activeParagraph(spans, 0)).toBe('a');
    expect(activeParagraph(spans, 9.99)).toBe('a');
    expect(activeParagraph(spans, 10)).toBe('b');
    expect(activeParagraph(spans, 39)).toBe('c');
  });
  it('clamps before the start and past the end', () => {
    expect(activeParagraph(spans, -3)).toBe('a');
    expect(activeParagraph(spans, 500)).toBe('c');
    expect(activeParagraph([], 5)).toBeUndefined();
  });
  it('finds a paragraph’s start for #anchors', () => {
    expect(startOf(spans, 'c')).toBe(25);
    expect(startOf(spans, 'nope')).toBeUndefined();
  });
});

const quiz = [
  { id: 'q1', kind: 'single' as const, prompt: 'p', choices: ['a', 'b', 'c'].map((id) => ({ id, text: id })), answer: ['b'], explanation: 'e' },
  { id: 'q2', kind: 'multiple' as const, prompt: 'p', choices: ['a', 'b', 'c'].map((id) => ({ id, text: id })), answer: ['a', 'c'], explanation: 'e' },
  { id: 'q3', kind: 'single' as const, prompt: 'p', choices: ['a', 'b', 'c'].map((id) => ({ id, text: id })), answer: ['a'], explanation: 'e' },
];

describe('quiz grading', () => {
  it('scores exact answers and passes at 70 %', () => {
    const result = gradeQuiz(quiz, { q1: ['b'], q2: ['c', 'a'], q3: ['a'] });
    expect(result).toMatchObject({ score: 3, total: 3, percent: 100, passed: true });
  });
  it('gives no partial credit for multiple choice', () => {
    const result = gradeQuiz(quiz, { q1: ['b'], q2: ['a'], q3: ['a'] });
    expect(result.questions.find((q) => q.id === 'q2')?.correct).toBe(false);
    expect(result).toMatchObject({ score: 2, percent: 67, passed: false });
  });
  it('counts an extra choice as wrong, ignores unknown ids and duplicates', () => {
    expect(gradeQuiz(quiz, { q2: ['a', 'b', 'c'] }).questions[1]!.correct).toBe(false);
    expect(gradeQuiz(quiz, { q1: ['b', 'b', 'zzz'] }).questions[0]).toMatchObject({ correct: true, selected: ['b'] });
  });
  it('treats unanswered questions as wrong', () => {
    expect(gradeQuiz(quiz, {})).toMatchObject({ score: 0, passed: false });
  });
});
