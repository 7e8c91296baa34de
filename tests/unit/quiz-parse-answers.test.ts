import { describe, expect, it } from 'vitest';
import { maxEntries, parseAnswers } from '@/lib/quiz/parse-answers';

const choices = (...ids: string[]) => ids.map((id) => ({ id, text: id.toUpperCase() }));
const quiz = [
  { id: 'one', kind: 'single' as const, prompt: 'p1', choices: choices('a', 'b', 'c') },
  { id: 'two', kind: 'multiple' as const, prompt: 'p2', choices: choices('a', 'b', 'c', 'd') },
  { id: 'three', kind: 'single' as const, prompt: 'p3', choices: choices('a', 'b', 'c') },
];
const hidden: [string, string][] = [
  ['course', 'risoluzione-dei-conflitti'],
  ['lesson', 'livelli-di-contatto'],
  ['locale', 'en'],
];
const honest: [string, string][] = [...hidden, ['q:one', 'b'], ['q:two', 'c'], ['q:two', 'a'], ['q:three', 'a']];

describe('reading a quiz post', () => {
  it('takes the answers of an honest post, in the quiz’s order', () => {
    expect(parseAnswers(quiz, honest)).toEqual({ ok: true, answers: { one: ['b'], two: ['a', 'c'], three: ['a'] }, missing: [] });
  });

  it('lets Next’s own fields of a post without JavaScript through', () => {
    const post: [string, string][] = [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"x","bound":"$@1"}'], ['$ACTION_1:1', '[{}]'], ['$ACTION_KEY', 'k0'], ...honest];
    expect(parseAnswers(quiz, post)).toMatchObject({ ok: true, missing: [] });
  });

  it.each([
    ['a made-up question', [...honest, ['q:zzz', 'x']], 'unknownField'],
    ['a made-up field', [...honest, ['note', 'hello']], 'unknownField'],
    ['a field named like a prototype key', [...honest, ['q:__proto__', 'a']], 'unknownField'],
    ['an unknown choice', [...hidden, ['q:one', 'zzz']], 'unknownChoice'],
    ['a choice of another question', [...hidden, ['q:one', 'd']], 'unknownChoice'],
    ['a file instead of a choice', [...hidden, ['q:one', new Blob(['a'])]], 'unknownChoice'],
    ['two values for a single-choice question', [...hidden, ['q:one', 'a'], ['q:one', 'b']], 'repeated'],
    ['the same value twice for a single-choice question', [...hidden, ['q:one', 'a'], ['q:one', 'a']], 'repeated'],
    ['the same choice twice for a multiple-choice question', [...hidden, ['q:two', 'a'], ['q:two', 'a']], 'repeated'],
  ] as [string, [string, unknown][], string][])('refuses the whole post with %s', (_name, post, reason) => {
    expect(parseAnswers(quiz, post)).toEqual({ ok: false, reason });
  });

  it('refuses 4,000 made-up keys at the first one, reading no further', () => {
    let read = 0;
    function* post(): Generator<[string, string]> {
      yield* hidden;
      for (let i = 0; i < 4000; i++) {
        read++;
        yield [`q:zzz${i}`, 'x'];
      }
    }
    expect(parseAnswers(quiz, post())).toEqual({ ok: false, reason: 'unknownField' });
    expect(read).toBe(1);
  });

  it('stops at the first entry past what an honest post can hold, even of allowed names', () => {
    let read = 0;
    function* post(): Generator<[string, string]> {
      for (let i = 0; i < 4000; i++) {
        read++;
        yield ['course', 'risoluzione-dei-conflitti'];
      }
    }
    const started = performance.now();
    expect(parseAnswers(quiz, post())).toEqual({ ok: false, reason: 'tooMany' });
    expect(read).toBe(maxEntries(quiz) + 1);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('an honest post with every choice of the multiple-choice question fits the bound', () => {
    const everything: [string, string][] = [...hidden, ['q:one', 'a'], ...choices('a', 'b', 'c', 'd').map(({ id }) => ['q:two', id] as [string, string]), ['q:three', 'c']];
    expect(parseAnswers(quiz, everything)).toMatchObject({ ok: true, answers: { two: ['a', 'b', 'c', 'd'] } });
  });

  it('names the unanswered questions by number and keeps the answers given', () => {
    expect(parseAnswers(quiz, [...hidden, ['q:two', 'b']])).toEqual({ ok: true, answers: { two: ['b'] }, missing: [1, 3] });
    expect(parseAnswers(quiz, hidden)).toEqual({ ok: true, answers: {}, missing: [1, 2, 3] });
  });
});
