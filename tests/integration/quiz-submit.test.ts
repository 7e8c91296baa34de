import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countRows } from '../support/count-rows';
import { listLessonProgress } from '@/db/progress';
import { listQuizAttempts } from '@/db/quiz-attempts';
import { readRateLimit } from '@/db/rate-limits';
import { insertUser } from '@/db/users';
import { getQuizWithKey } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';
import { addressLimit } from '@/lib/quiz/limits';
import type { QuizState } from '@/lib/quiz/state';
import { submitQuiz } from '@/lib/quiz/submit';
import { formatAttemptTime } from '@/lib/quiz/words';

// The domain function behind the quiz action, against a fresh database (tests/support/setup.ts).

const course = 'risoluzione-dei-conflitti';
const lesson = 'orientamenti-del-cliente';
const quiz = getQuizWithKey(course, lesson, 'en')!;
const hour = 3_600_000;

async function learner() {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Quinn', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } }))!;
}
const wrongOf = (id: string) => {
  const question = quiz.find((q) => q.id === id)!;
  return [question.choices.find((c) => !question.answer.includes(c.id))!.id];
};
/** A form's entries: the hidden fields and `q:` fields, right on the first `rightOn` questions. */
function form(rightOn = quiz.length, extra: [string, string][] = []): [string, string][] {
  const answers = quiz.flatMap((q, i) => (i < rightOn ? q.answer : wrongOf(q.id)).map((choice): [string, string] => [`q:${q.id}`, choice]));
  return [['course', course], ['lesson', lesson], ['locale', 'en'], ...answers, ...extra];
}
type Submit = { user?: { id: string; name: string } | null; ip?: string; entries?: [string, string][]; now?: Date; locale?: Locale };
const submit = ({ user = null, ip = '198.51.100.1', entries = form(), now = new Date('2030-07-01T09:00:00Z'), locale = 'en' }: Submit = {}) =>
  submitQuiz({ user, ip, course, lesson, locale, entries, now });
const attemptsOf = (user: { id: string }) => listQuizAttempts({ userId: user.id, course, lesson });
const allAttempts = () => countRows('quiz_attempts');
const graded = (state: QuizState) => {
  if (state.status !== 'graded') throw new Error(`expected graded, got ${state.status}: ${'message' in state ? state.message : ''}`);
  return state;
};

describe('submitting a quiz', () => {
  it('stores only the quiz’s own question and choice ids for a learner', async () => {
    const user = await learner();
    const state = graded(await submit({ user, entries: form() }));
    expect(state).toMatchObject({ saved: true, canRetry: true, feedback: { percent: 100, passed: true, revealed: true } });
    const [row] = await attemptsOf(user);
    expect(JSON.parse(row!.answers)).toEqual(Object.fromEntries(quiz.map((q) => [q.id, [...q.answer].sort()])));
    expect((await listLessonProgress({ userId: user.id, course }))[0]).toMatchObject({ quizBest: 100 });
  });

  it('refuses a post with a made-up field: nothing graded, stored or counted', async () => {
    const user = await learner();
    const before = await allAttempts();
    const state = await submit({ user, entries: form(quiz.length, [['q:zzz', 'x']]) });
    expect(state).toEqual({ status: 'refused', message: 'These answers do not match the quiz on this page. Reload the page and try again.', selected: {} });
    expect(await allAttempts()).toBe(before);
    const anonymous = await submit({ ip: '198.51.100.50', entries: [['q:zzz', 'x'], ...form()] });
    expect(anonymous.status).toBe('refused');
    expect(JSON.stringify(anonymous)).not.toContain(quiz[0]!.explanation);
    expect(await readRateLimit({ key: addressLimit('198.51.100.50', course, lesson).key })).toBeUndefined();
    // The refused post did not use one of the learner's attempts.
    expect(graded(await submit({ user, entries: form(0) })).summary.notes).toContain('Attempts left for now: 2.');
  });

  it('refuses 4,000 made-up keys and stores nothing', async () => {
    const user = await learner();
    const before = await allAttempts();
    const flood = Array.from({ length: 4000 }, (_, i): [string, string] => [`q:k${i}`, 'x'.repeat(200)]);
    expect((await submit({ user, entries: [...form(), ...flood] })).status).toBe('refused');
    expect((await submit({ ip: '198.51.100.51', entries: [...flood, ...form()] })).status).toBe('refused');
    expect(await allAttempts()).toBe(before);
    expect(await readRateLimit({ key: addressLimit('198.51.100.51', course, lesson).key })).toBeUndefined();
  });

  it('names unanswered questions, keeps the answers given, stores and counts nothing', async () => {
    const user = await learner();
    const entries = form().filter(([name]) => name !== `q:${quiz[1]!.id}` && name !== `q:${quiz[3]!.id}`);
    const state = await submit({ user, entries, locale: 'fr' });
    expect(state).toMatchObject({ status: 'incomplete', message: 'Répondez à toutes les questions : les questions 2 et 4 n’ont pas encore de réponse.', missing: [quiz[1]!.id, quiz[3]!.id] });
    expect(state.selected[quiz[0]!.id]).toEqual(quiz[0]!.answer);
    expect(await attemptsOf(user)).toHaveLength(0);
  });

  it('a failed attempt says which answers were wrong, never the key or the missed explanations', async () => {
    const user = await learner();
    const state = graded(await submit({ user, entries: form(2) }));
    const text = JSON.stringify(state);
    expect(state.feedback).toMatchObject({ passed: false, revealed: false });
    expect(state.feedback.questions.map((q) => q.correct)).toEqual(quiz.map((_, i) => i < 2));
    for (const missed of quiz.slice(2)) expect(text).not.toContain(missed.explanation);
    for (const hit of quiz.slice(0, 2)) expect(text).toContain(hit.explanation);
    expect(text).not.toContain('"answer"');
  });

  it('a learner who passed before sees the key on a later attempt', async () => {
    const user = await learner();
    const now = new Date('2030-07-02T09:00:00Z');
    graded(await submit({ user, entries: form(), now }));
    const later = graded(await submit({ user, entries: form(0), now: new Date(now.getTime() + hour) }));
    expect(later.feedback).toMatchObject({ passed: false, revealed: true });
    for (const question of quiz) expect(JSON.stringify(later)).toContain(question.explanation);
  });

  it('a learner gets 3 attempts in 8 hours; the 4th says when, in the page’s language, and stores nothing', async () => {
    const user = await learner();
    const t0 = new Date('2030-07-03T09:00:00Z');
    const notes = [];
    for (const i of [0, 1, 2]) notes.push(graded(await submit({ user, entries: form(0), now: new Date(t0.getTime() + i * hour) })).summary.notes[1]);
    const nextAt = new Date(t0.getTime() + 8 * hour);
    expect(notes).toEqual(['Attempts left for now: 2.', 'Attempts left for now: 1.', `You have used all your attempts for now: you can try again on ${formatAttemptTime(nextAt, 'en')}.`]);
    const fourth = await submit({ user, entries: form(), now: new Date(t0.getTime() + 3 * hour), locale: 'fr' });
    expect(fourth).toMatchObject({ status: 'limited', message: `Vous avez utilisé tous vos essais pour le moment : ces réponses n’ont donc pas été corrigées. Vous pourrez réessayer le ${formatAttemptTime(nextAt, 'fr')}.` });
    expect(formatAttemptTime(nextAt, 'fr')).toMatch(/^\p{L}+ \d+ \p{L}+ à \d+:\d\d/u);
    expect(JSON.stringify(fourth)).not.toContain(quiz[0]!.explanation);
    expect(await attemptsOf(user)).toHaveLength(3);
    // When the first attempt leaves the window, one more is allowed.
    expect(graded(await submit({ user, entries: form(), now: nextAt })).feedback.passed).toBe(true);
    expect(await attemptsOf(user)).toHaveLength(4);
  });

  it('back-to-back and parallel posts of one learner cannot exceed the limit', async () => {
    const user = await learner();
    const now = new Date('2030-07-04T09:00:00Z');
    const states = await Promise.all(Array.from({ length: 6 }, async () => submit({ user, entries: form(0), now })));
    // Parallel posts take the lock in whatever order they reach it (on PostgreSQL not the order they were sent): count, don't order.
    expect(states.map((s) => s.status).sort()).toEqual(['graded', 'graded', 'graded', 'limited', 'limited', 'limited']);
    expect(await attemptsOf(user)).toHaveLength(3);
  });

  it('an anonymous visitor gets 10 attempts per address and stores nothing', async () => {
    const before = await allAttempts();
    const now = new Date('2030-07-05T09:00:00Z');
    const states = [];
    for (let i = 0; i < 11; i++) states.push(await submit({ ip: '192.0.2.10', entries: form(0), now }));
    expect(states.slice(0, 10).every((s) => s.status === 'graded' && !s.saved)).toBe(true);
    expect(states[9]!.status === 'graded' && states[9]!.canRetry).toBe(false);
    expect(states[10]).toMatchObject({ status: 'limited' });
    expect((await submit({ ip: '192.0.2.11', entries: form(0), now })).status).toBe('graded');
    expect(await allAttempts()).toBe(before);
  });

  it('a quiz that does not exist is refused', async () => {
    expect(await submitQuiz({ user: null, ip: '192.0.2.99', course, lesson: 'nope', locale: 'it', entries: [], now: new Date() })).toMatchObject({ status: 'refused', message: 'Questo quiz non esiste più.' });
    expect((await submitQuiz({ user: null, ip: '192.0.2.99', course: ['x'], lesson: null, locale: 'it', entries: [], now: new Date() })).status).toBe('refused');
  });
});
