import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { activeOverrides, applyCorrection } from '@/db/corrections';
import { db, rows, tables } from '@/db/query';
import { hitRateLimit } from '@/db/rate-limits';
import { insertReport } from '@/db/reports';
import { insertUser } from '@/db/users';
import type { Role } from '@/db/schema';
import { changeUserRole } from '@/db/admin-users';
import { getQuizWithKey } from '@/lib/content';
import { recordHeartbeat } from '@/lib/progress/record';
import { recordLimitedAttempt } from '@/lib/quiz/record-attempt';
import { quizAttemptsPerLearner } from '@/lib/quiz/limits';

// What SQLite gets from BEGIN IMMEDIATE, checked under real concurrency on the
// engine of the run (AULA_TEST_DB=postgres: a pool of connections, where only the
// transactions' locks keep read-modify-writes from overwriting each other).

const course = 'risoluzione-dei-conflitti';
const lesson = 'livelli-di-contatto';

async function user(role: Role = 'learner') {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Para', passwordHash: 'x', role, createdAt: now, updatedAt: now } }))!;
}

describe('at the same moment', () => {
  it('parallel heartbeats of one learner are all counted: none overwrites another', async () => {
    const learner = await user();
    const now = new Date();
    const beats = 12;
    await Promise.all(Array.from({ length: beats }, (_, i) => recordHeartbeat(learner, { course, lesson, intervals: [[i * 5, i * 5 + 5]], position: i * 5 + 5 }, now)));
    const { watchAllowances } = tables();
    const [allowance] = await rows(db().select().from(watchAllowances).where(eq(watchAllowances.userId, learner.id)));
    expect(allowance?.heartbeatsInWindow).toBe(beats);
  });

  it('parallel quiz attempts of one learner never exceed the limit', async () => {
    const learner = await user();
    const quiz = getQuizWithKey(course, lesson, 'en')!;
    const answers = Object.fromEntries(quiz.map((question) => [question.id, question.answer]));
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => recordLimitedAttempt(learner, course, lesson, quiz, answers, now)));
    expect(outcomes.filter((outcome) => outcome.recorded)).toHaveLength(quizAttemptsPerLearner);
    const { quizAttempts } = tables();
    expect(await rows(db().select().from(quizAttempts).where(eq(quizAttempts.userId, learner.id)))).toHaveLength(quizAttemptsPerLearner);
  });

  it('admins demoting one another at once: all but one succeed, one admin remains', async () => {
    const team = await Promise.all(Array.from({ length: 6 }, () => user('admin')));
    // Only these admins exist in this file's database: the last one must stay.
    const { users } = tables();
    const admins = async () => (await rows(db().select().from(users).where(eq(users.role, 'admin')))).length;
    expect(await admins()).toBe(team.length);
    const now = new Date();
    const results = await Promise.all(team.map((admin) => changeUserRole({ userId: admin.id, role: 'learner', now })));
    expect(results.filter((result) => result.status === 'changed')).toHaveLength(team.length - 1);
    expect(results.filter((result) => result.status === 'lastAdmin')).toHaveLength(1);
    expect(await admins()).toBe(1);
  });

  it('throttle hits on one key are counted exactly: N parallel hits see N different counts', async () => {
    const key = `parallel:${randomUUID()}`;
    const now = new Date();
    const hits = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit({ key, now, windowMs: 60_000 })));
    expect(hits.map((hit) => hit.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('two corrections of one passage at once leave exactly one live override', async () => {
    const editor = await user('editor');
    const now = new Date();
    const report = () => insertReport({ report: { course, lesson, locale: 'it', target: 'summary', message: 'A mistake in the summary.', status: 'accepted', createdAt: now, updatedAt: now } });
    const [first, second] = [await report(), await report()];
    const target = { course, lesson, locale: 'it', target: 'summary' as const, targetId: '' };
    await Promise.all(
      [first, second].map((r, i) => applyCorrection({ reportId: r.id, from: 'accepted', target, originalText: 'Original.', text: `Corrected ${i}.`, userId: editor.id, now })),
    );
    expect((await activeOverrides({ course, lesson, locale: 'it' })).filter((o) => o.target === 'summary')).toHaveLength(1);
  });
});
