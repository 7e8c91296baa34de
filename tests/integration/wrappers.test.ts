import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/session';

// The two wrappers every action and handler goes through, with the session mocked:
// authenticate → authorize → bounded parse → run → a localized error or data.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

const { apiRoute } = await import('@/lib/http/api-route');
const { formAction } = await import('@/lib/http/form-action');
const { AppError } = await import('@/lib/http/errors');
const { idleForm } = await import('@/lib/http/form-state');
const { redirect } = await import('next/navigation');

const learner = { id: 'u1', name: 'Lia', email: 'lia@example.com', role: 'learner' } as CurrentUser;
const editor = { ...learner, id: 'u2', role: 'editor' } as CurrentUser;

beforeEach(() => {
  session.user = null;
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('apiRoute', () => {
  const route = apiRoute({ access: 'editor', schema: z.object({ n: z.number().max(10) }).strict(), run: ({ input, user }) => ({ n: input.n, by: user!.id }) });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    route(new Request('http://aula.test/api/x', { method: 'POST', body: JSON.stringify(body), headers: { host: 'aula.test', ...headers } }));

  it('401 for nobody, 403 for a role below, data for the role', async () => {
    expect((await post({ n: 1 })).status).toBe(401);
    session.user = learner;
    expect((await post({ n: 1 })).status).toBe(403);
    session.user = editor;
    const ok = await post({ n: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ n: 1, by: 'u2' });
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a foreign Origin before anything else, in the caller’s language', async () => {
    session.user = editor;
    const response = await post({ n: 1 }, { origin: 'https://evil.example', 'accept-language': 'fr' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'badOrigin', error: 'Requête refusée : elle provient d’un autre site.' });
  });

  it('400 with the field and the problem for a bad body, and for malformed JSON', async () => {
    session.user = editor;
    const bad = await post({ n: 99 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toMatch(/^n: /);
    const extra = await post({ n: 1, admin: true });
    expect(extra.status).toBe(400);
    const malformed = await route(new Request('http://aula.test/api/x', { method: 'POST', body: '{"n":', headers: { host: 'aula.test' } }));
    expect(malformed.status).toBe(400);
  });

  it('a thrown AppError keeps its status and Retry-After; anything else is a 500 without details', async () => {
    const throwing = (error: unknown) => apiRoute({ access: 'public', schema: z.object({}), run: () => Promise.reject(error) });
    const request = () => new Request('http://aula.test/api/x?', { method: 'GET' });
    const slow = await throwing(new AppError('slowDown', { seconds: 7 }, 'x', { retryAfterSeconds: 7 }))(request());
    expect(slow.status).toBe(429);
    expect(slow.headers.get('retry-after')).toBe('7');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const crash = await throwing(new Error('secret stack'))(request());
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await crash.json())).not.toContain('secret');
    spy.mockRestore();
  });
});

describe('formAction', () => {
  const schema = z.object({ locale: z.string(), title: z.string().min(3, 'reportTooShort').max(5, 'reportTooLong'), password: z.string().optional() });

  it('signed-out and under-role submissions are refused, the typed values kept (not the secrets)', async () => {
    const action = formAction({ schema, role: 'editor', secret: ['password'], run: async () => undefined });
    const fields = { locale: 'en', title: 'abcd', password: 'hunter22' };
    const anonymous = await action(idleForm, form(fields));
    expect(anonymous).toEqual({ status: 'error', message: 'You need to log in to continue.', values: { locale: 'en', title: 'abcd' } });
    session.user = learner;
    expect((await action(idleForm, form(fields))).message).toBe('You do not have permission to do this.');
  });

  it('field errors come localized, with the numbers from the schema', async () => {
    const action = formAction({ schema, run: async () => undefined });
    const state = await action(idleForm, form({ locale: 'it', title: 'ab' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.title).toBe('Descrivi il problema con almeno 3 caratteri.');
    expect(state.values.title).toBe('ab');
    const long = await action(idleForm, form({ locale: 'en', title: 'abcdefgh' }));
    expect(long.fieldErrors?.title).toBe('The text is too long: at most 5 characters. Shorten it and send again.');
  });

  it('runs with the parsed input and the user; success clears the values', async () => {
    session.user = learner;
    const run = vi.fn(async () => undefined);
    const action = formAction({ schema, run });
    expect(await action(idleForm, form({ locale: 'en', title: 'abcd' }))).toEqual({ status: 'success', values: {} });
    expect(run).toHaveBeenCalledWith({ locale: 'en', title: 'abcd' }, expect.objectContaining({ user: learner, locale: 'en' }));
  });

  it('an AppError becomes its localized message; a redirect passes through', async () => {
    const failing = formAction({ schema, run: async () => Promise.reject(new AppError('notFound')) });
    expect((await failing(idleForm, form({ locale: 'es', title: 'abcd' }))).message).toBe('No encontrado.');
    const redirecting = formAction({ schema, run: async () => redirect('/it') });
    await expect(redirecting(idleForm, form({ locale: 'en', title: 'abcd' }))).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
