import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';
import { countingStatements, databaseFingerprint, junkText, runs } from '../support/fuzz';

// Property-based: every server action, called directly with generated malformed
// posts (junk fields, missing or over-long values, things that are not a form),
// answers with a state — never a throw, which Next would turn into a 500 —
// stores nothing, and does a bounded number of SQL statements.

process.env.AUTH_SECRET ??= 'fuzz-secret-fuzz-secret-fuzz-secret-fuzz';
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));
// Auth.js is reached only by a valid sign-in: malformed posts must never get there.
const authCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/auth/auth', () => ({
  signIn: async () => void (authCalls.count += 1),
  signOut: async () => void (authCalls.count += 1),
}));

const { insertUser } = await import('@/db/users');
const { changeRoleAction } = await import('@/lib/admin/actions');
const { registerAction, signInAction } = await import('@/lib/auth/actions');
const { submitReportAction } = await import('@/lib/reports/actions');
const { applyCorrectionAction, changeStatusAction, revertCorrectionAction } = await import('@/lib/reports/editor-actions');
const { gradeQuizAction } = await import('@/lib/quiz/actions');
const { idleForm } = await import('@/lib/http/form-state');

const course = 'risoluzione-dei-conflitti';
const lesson = 'tipi-di-cliente';
const people: Record<'learner' | 'editor' | 'admin', CurrentUser> = {
  learner: { id: randomUUID(), name: 'Lia', email: 'lia@fuzz.test', role: 'learner' } as CurrentUser,
  editor: { id: randomUUID(), name: 'Eda', email: 'eda@fuzz.test', role: 'editor' } as CurrentUser,
  admin: { id: randomUUID(), name: 'Ada', email: 'ada@fuzz.test', role: 'admin' } as CurrentUser,
};
const anyone = fc.constantFrom(null, people.learner, people.editor, people.admin);

const logged: string[] = [];
const faults: string[] = [];
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void faults.push(args.map(String).join(' ').slice(0, 300)));
afterEach(() => {
  for (const line of logged.splice(0)) expect(line).not.toContain('\n');
  expect(faults.splice(0)).toEqual([]);
  expect(authCalls.count).toBe(0);
});

beforeAll(async () => {
  const now = new Date();
  for (const person of Object.values(people)) await insertUser({ user: { ...person, passwordHash: 'x', createdAt: now, updatedAt: now } });
  databaseFingerprint();
});

/** Junk fields, some named like the form's own; a value may also be a file. */
const junkFields = (names: string[]) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, 'locale', '$ACTION_ID_x', '__proto__'), junkText(30)), fc.oneof(junkText(300), fc.constant(null))), { maxLength: 12 });

function form(entries: [string, string | null][], fixed: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (value === null) data.append(name, new Blob([new Uint8Array(64)]), 'x.bin');
    else data.append(name, value);
  }
  for (const [name, value] of Object.entries(fixed)) data.set(name, value);
  return data;
}

/** What a hand-made post can pass instead of a form. */
const notAForm = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.object(), fc.array(fc.anything(), { maxLength: 3 }));

type Action = (state: never, data: never) => Promise<unknown>;

/** Runs one generated post: a state (no throw), nothing stored, and the statements it ran. */
async function post(action: Action, state: unknown, data: unknown): Promise<{ state: { status: string }; statements: number }> {
  const before = databaseFingerprint();
  const { result, statements } = await countingStatements(() => action(state as never, data as never));
  expect(databaseFingerprint()).toBe(before);
  const answered = result as { status: string };
  expect(typeof answered?.status).toBe('string');
  return { state: answered, statements };
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: runs });

describe('fuzz: form actions', () => {
  it('sign-in and registration: malformed credentials are refused before Auth.js, nothing stored', async () => {
    // No "@" in the e-mail: never a valid address, whatever else is sent.
    const email = junkText(300).map((text) => text.replaceAll('@', ''));
    const fields = fc.record({ entries: junkFields(['name', 'email', 'password', 'next']), email, register: fc.boolean(), user: anyone });
    await property(fields, async ({ entries, email, register, user }) => {
      session.user = user;
      const { state, statements } = await post(register ? registerAction : signInAction, idleForm, form(entries, { email }));
      expect(state.status).toBe('error');
      expect(statements).toBeLessThanOrEqual(2);
    });
  });

  it('role change: anything but a confirmed change of an existing user is refused, nothing stored', async () => {
    const fields = fc.record({ entries: junkFields(['userId', 'role', 'confirm']), confirm: junkText(10).filter((text) => text !== 'yes'), user: anyone });
    await property(fields, async ({ entries, confirm, user }) => {
      session.user = user;
      const { state, statements } = await post(changeRoleAction, idleForm, form(entries, { confirm }));
      expect(state.status).toBe('error');
      expect(statements).toBeLessThanOrEqual(2);
    });
  });

  it('reports: a malformed report is refused with the values kept, nothing stored', async () => {
    // Each post breaks one rule for sure (a message under 10 characters, an unknown place, course or locale); the rest is junk.
    const breaker = fc.oneof(
      junkText(9).map((message) => ({ message: message.slice(0, 9) })),
      junkText(40).map((where) => ({ where: `nowhere:${where}:x` })),
      junkText(40).map((name) => ({ course: `X${name}` })),
      junkText(5).map((locale) => ({ locale: `x${locale}` })),
    );
    const base = { locale: 'it', course, lesson, where: 'summary', message: 'Un messaggio abbastanza lungo.' };
    const fields = fc.record({ entries: junkFields(['where', 'message', 'suggestion', 'email', 'videoTime', 'website']), breaker, user: anyone });
    await property(fields, async ({ entries, breaker, user }) => {
      session.user = user;
      const sent = form(entries, { ...base, website: '', ...breaker });
      const { state, statements } = await post(submitReportAction, idleForm, sent);
      expect(state.status).toBe('error');
      expect((state as { values?: Record<string, string> }).values).toMatchObject({ course: sent.get('course'), message: sent.get('message') });
      expect(statements).toBeLessThanOrEqual(2);
    });
  });

  it('editor actions: junk ids, statuses and texts for reports that do not exist are refused, nothing stored', async () => {
    const actions = [changeStatusAction, applyCorrectionAction, revertCorrectionAction];
    const id = fc.oneof(junkText(12), fc.integer({ min: -5, max: 1e9 }).map(String), fc.constantFrom('1', '1e3', '0x10', ' 7 ', 'Infinity'));
    const fields = fc.record({ which: fc.nat(2), entries: junkFields(['to', 'note', 'text', 'override']), id, override: id, user: anyone });
    await property(fields, async ({ which, entries, id, override, user }) => {
      session.user = user;
      const { state, statements } = await post(actions[which]!, idleForm, form(entries, { id, override }));
      expect(state.status).toBe('error');
      expect(statements).toBeLessThanOrEqual(3);
    });
  });

  it('quiz: junk answers for real and unknown quizzes are refused or incomplete, nothing stored or counted', async () => {
    const place = fc.oneof(fc.constant({ course, lesson }), fc.record({ course: junkText(40), lesson: junkText(40) }));
    const fields = fc.record({ place, entries: junkFields(['q1', 'q2', 'course', 'lesson']), user: anyone });
    await property(fields, async ({ place, entries, user }) => {
      session.user = user;
      const { state, statements } = await post(gradeQuizAction, { status: 'idle' }, form(entries, { ...place, locale: 'it' }));
      expect(['refused', 'incomplete']).toContain(state.status);
      expect(statements).toBeLessThanOrEqual(2);
    });
  });

  it('every action given something that is not a form answers with a refusal, not a throw', async () => {
    const actions: Action[] = [signInAction, registerAction, changeRoleAction, submitReportAction, changeStatusAction, applyCorrectionAction, revertCorrectionAction, gradeQuizAction];
    await property(fc.record({ which: fc.nat(actions.length - 1), state: fc.anything(), data: notAForm, user: anyone }), async ({ which, state, data, user }) => {
      session.user = user;
      const { state: answered, statements } = await post(actions[which]!, state, data);
      expect(['error', 'refused']).toContain(answered.status);
      expect(statements).toBe(0);
    });
  });
});
