import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';

// The report form, the editor's apply form, sign-up and the role change, through
// their real actions with the session, cookies and headers mocked.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
const jar = vi.hoisted(() => new Map<string, string>());
const request = vi.hoisted(() => ({ ip: '203.0.113.7' }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/auth', () => ({ signIn: async () => undefined, signOut: async () => undefined }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('next/headers', () => ({
  // The address as our server hands it on (lib/http/client-ip.ts reads only this header).
  headers: async () => new Headers({ 'x-aula-client-address': request.ip }),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => jar.set(name, value) }),
}));

process.env.AULA_CLIENT_ADDRESS_HEADER = '1';
const { submitReportAction } = await import('@/lib/reports/actions');
const { applyCorrectionAction } = await import('@/lib/reports/editor-actions');
const { registerAction } = await import('@/lib/auth/actions');
const { changeRoleAction } = await import('@/lib/admin/actions');
const { idleForm } = await import('@/lib/http/form-state');
const { insertUser, findUserByEmail } = await import('@/db/users');
const { changeReportStatus, findReport, insertReport, listReports } = await import('@/db/reports');
const { overrideHistory } = await import('@/db/corrections');
const { getLiveLesson } = await import('@/lib/corrections');
const { reporterCookie } = await import('@/lib/reports/limits');

const course = 'risoluzione-dei-conflitti';
const lesson = 'livelli-di-contatto';
const now = new Date();
const person = async (role: 'learner' | 'editor' | 'admin') =>
  (await insertUser({ user: { id: randomUUID(), email: `${role}-${randomUUID()}@example.com`, name: role, passwordHash: 'x', role, createdAt: now, updatedAt: now } }))!;
const signIn = (user: Awaited<ReturnType<typeof person>>) => (session.user = { id: user.id, name: user.name, email: user.email, role: user.role, sessionId: 's' } as CurrentUser);

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
const report = async (fields: Record<string, string> = {}) => {
  const paragraph = (await getLiveLesson(course, lesson, 'it'))!.paragraphs[0]!;
  return form({ locale: 'it', course, lesson, where: `paragraph:${paragraph.id}`, message: 'Nella seconda frase manca una parola.', suggestion: '', email: '', website: '', ...fields });
};

// Each test posts from an address of its own: limits are counted per address, and a shared one would carry
// one test's reports into another's count (a random pick did, now and then, on a fresh clone's run).
let addresses = 0;
beforeEach(() => {
  session.user = null;
  jar.clear();
  request.ip = `203.0.113.${++addresses}`;
});

describe('the report form', () => {
  it('refuses "the translation" on the Italian original and accepts it on a translation', async () => {
    const original = await submitReportAction(idleForm, await report({ where: 'translation' }));
    expect(original.status).toBe('error');
    expect(original.fieldErrors?.where).toBeTruthy();
    const translated = await submitReportAction(idleForm, await report({ locale: 'en', where: 'translation', message: 'The translation of this lesson is odd.' }));
    expect(translated.status).toBe('success');
  });

  it('refuses "where" left on Choose…', async () => {
    const state = await submitReportAction(idleForm, await report({ where: '' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.where).toBeTruthy();
  });

  it('refuses a message over 2,000 characters and keeps it, never cutting it', async () => {
    const long = `${'parola '.repeat(300)}`.trim();
    expect(long.length).toBeGreaterThan(2000);
    const state = await submitReportAction(idleForm, await report({ message: long }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.message).toContain('2000');
    expect(state.values.message).toBe(long);
    expect((await listReports({ filter: { lesson }, limit: 100, offset: 0 })).some((r) => r.message.startsWith('parola parola'))).toBe(false);
  });

  it('does not keep an e-mail sent by a signed-in reader', async () => {
    signIn(await person('learner'));
    const state = await submitReportAction(idleForm, await report({ email: 'someone-else@example.com', message: 'Signed-in reader with an e-mail typed.' }));
    expect(state.status).toBe('success');
    const stored = (await listReports({ filter: { lesson }, limit: 100, offset: 0 })).find((r) => r.message === 'Signed-in reader with an e-mail typed.')!;
    expect(stored.email).toBeNull();
    expect(stored.userId).toBe(session.user!.id);
  });

  it('lets a classroom behind one address send more than 5 reports, but one browser only 5', async () => {
    // Six pupils, one router: each browser gets its own cookie.
    for (let pupil = 0; pupil < 6; pupil++) {
      jar.clear();
      expect((await submitReportAction(idleForm, await report({ message: `Pupil ${pupil} found a mistake here.` }))).status).toBe('success');
    }
    // One browser (its cookie kept) is stopped after 5.
    jar.clear();
    for (let i = 0; i < 5; i++) expect((await submitReportAction(idleForm, await report({ message: `Same browser, report ${i}.` }))).status).toBe('success');
    expect(jar.get(reporterCookie)).toBeTruthy();
    const sixth = await submitReportAction(idleForm, await report({ message: 'Same browser, one report too many.' }));
    expect(sixth.status).toBe('error');
  });

  it('stops an address at 30 even when every post drops its cookie', async () => {
    let refused = 0;
    for (let i = 0; i < 31; i++) {
      jar.clear();
      if ((await submitReportAction(idleForm, await report({ message: `Cookie-less post number ${i}.` }))).status === 'error') refused++;
    }
    expect(refused).toBe(1);
  });
});

describe('applying a correction', () => {
  const paragraph = async () => (await getLiveLesson(course, lesson, 'it'))!.paragraphs[1]!;
  const accepted = async (editorId: string) => {
    const created = await insertReport({ report: { course, lesson, locale: 'it', target: 'paragraph', targetId: (await paragraph()).id, message: 'Una frase sbagliata.', suggestion: 'Una frase.', createdAt: now, updatedAt: now } });
    await changeReportStatus({ id: created.id, from: 'new', to: 'in_review', userId: editorId, now });
    await changeReportStatus({ id: created.id, from: 'in_review', to: 'accepted', userId: editorId, now });
    return created.id;
  };

  it('asks for confirmation before replacing most of the passage, and stores nothing until then', async () => {
    const editor = await person('editor');
    signIn(editor);
    const id = await accepted(editor.id);
    const before = (await paragraph()).text;
    const refused = await applyCorrectionAction(idleForm, form({ locale: 'it', id: String(id), text: 'Una frase.', note: '' }));
    expect(refused.status).toBe('error');
    expect(refused.fieldErrors?.confirmRemoval).toBeTruthy();
    expect(refused.values.text).toBe('Una frase.');
    expect((await paragraph()).text).toBe(before);
    expect((await findReport({ id }))!.status).toBe('accepted');
    await expect(applyCorrectionAction(idleForm, form({ locale: 'it', id: String(id), text: 'Una frase.', note: '', confirmRemoval: 'yes' }))).rejects.toThrow('NEXT_REDIRECT');
    expect((await paragraph()).text).toBe('Una frase.');
    expect((await overrideHistory({ course, lesson, locale: 'it', target: 'paragraph', targetId: (await paragraph()).id }))[0]!.text).toBe('Una frase.');
  });

  it('applies a small fix without asking', async () => {
    const editor = await person('editor');
    signIn(editor);
    const id = await accepted(editor.id);
    const fixed = `${(await paragraph()).text} Aggiunta.`;
    await expect(applyCorrectionAction(idleForm, form({ locale: 'it', id: String(id), text: fixed, note: '' }))).rejects.toThrow('NEXT_REDIRECT');
    expect((await paragraph()).text).toBe(fixed);
  });
});

describe('sign-up', () => {
  it('keeps the password on a refused sign-up, says nothing of a taken e-mail, and stores the language', async () => {
    const weak = await registerAction(idleForm, form({ locale: 'fr', name: 'Zoé', email: 'zoe@example.com', password: 'short' }));
    expect(weak.status).toBe('error');
    expect(weak.values.password).toBe('short');
    const taken = await person('learner');
    const redirected = await registerAction(idleForm, form({ locale: 'fr', name: 'Zoé', email: taken.email, password: 'a long unusual passphrase 42' })).catch((error: unknown) => error);
    expect(String((redirected as { digest?: string }).digest)).toContain('/fr/login?registered=1');
    expect((await findUserByEmail({ email: taken.email }))!.name).not.toBe('Zoé');
    await registerAction(idleForm, form({ locale: 'zh', name: '王小明', email: 'wang@example.com', password: 'a long unusual passphrase 42' }));
    expect((await findUserByEmail({ email: 'wang@example.com' }))!.locale).toBe('zh');
  });

  it('says the password contains the part of the e-mail before the @', async () => {
    const state = await registerAction(idleForm, form({ locale: 'it', name: 'Mario', email: 'mario.rossi@example.com', password: 'xx-mario.rossi-2024' }));
    expect(state.fieldErrors?.password).toContain('prima della @');
    expect(state.fieldErrors?.password).toContain('mario.rossi');
  });
});

describe('changing a role', () => {
  it('lands back on the filtered list it came from', async () => {
    signIn(await person('admin'));
    const learner = await person('learner');
    const redirected = await changeRoleAction(idleForm, form({ locale: 'en', userId: learner.id, role: 'editor', q: 'ann', page: '2' })).catch((error: unknown) => error);
    expect(String((redirected as { digest?: string }).digest)).toContain(`/en/admin/users?q=ann&page=2&changed=${learner.id}`);
  });
});
