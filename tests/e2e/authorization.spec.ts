import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import en from '../../messages/en.json';
import { visitorAddress } from './pages/AuthPages';
import { course } from './pages/LessonPage';
import { createUser, ReportPages } from './pages/ReportPages';
import { lessons } from './support/content';
import { e2e } from './support/env';
import { signedIn } from './support/own-server';

// The authorization matrix: every page, route handler and server action × {anonymous, learner,
// editor, admin}, with what each gets. Editor and admin actions are posted by hand, the way a
// learner or a stranger could, with the ids taken from the form an editor or admin is shown
// without JavaScript; a refusal changes nothing.

type Role = 'anonymous' | 'learner' | 'editor' | 'admin';
const roles: Role[] = ['anonymous', 'learner', 'editor', 'admin'];
/** A status, or `login`: a redirect to the sign-in page that comes back here. */
type Outcome = number | 'login';
type Fixtures = { learnerId: string; reportRef: string };
type Entry = { file: string; method?: 'GET' | 'POST'; path: (f: Fixtures) => string; body?: unknown; expect: Record<Role, Outcome> };

const everyone = (outcome: Outcome): Record<Role, Outcome> => ({ anonymous: outcome, learner: outcome, editor: outcome, admin: outcome });
const signedInPage = { anonymous: 'login', learner: 200, editor: 200, admin: 200 } as const;
const editorsPage = { anonymous: 'login', learner: 403, editor: 200, admin: 200 } as const;
const adminsPage = { anonymous: 'login', learner: 403, editor: 403, admin: 200 } as const;
const lesson = lessons[0]!.slug;

/** Every file under app/ that answers requests, with a request for it. */
const routes: Entry[] = [
  { file: '[locale]/page.tsx', path: () => '/en', expect: everyone(200) },
  { file: '[locale]/[...rest]/page.tsx', path: () => '/en/no/such/page', expect: everyone(404) },
  { file: '[locale]/courses/[course]/page.tsx', path: () => `/en/courses/${course}`, expect: everyone(200) },
  { file: '[locale]/courses/[course]/[lesson]/page.tsx', path: () => `/en/courses/${course}/${lesson}`, expect: everyone(200) },
  { file: '[locale]/login/page.tsx', path: () => '/en/login', expect: everyone(200) },
  { file: '[locale]/register/page.tsx', path: () => '/en/register', expect: everyone(200) },
  { file: '[locale]/search/page.tsx', path: () => '/en/search?q=cliente', expect: everyone(200) },
  { file: '[locale]/help/page.tsx', path: () => '/en/help', expect: everyone(200) },
  { file: '[locale]/privacy/page.tsx', path: () => '/en/privacy', expect: everyone(200) },
  { file: '[locale]/me/page.tsx', path: () => '/en/me', expect: signedInPage },
  { file: '[locale]/me/account/page.tsx', path: () => '/en/me/account', expect: signedInPage },
  { file: '[locale]/forgot-password/page.tsx', path: () => '/en/forgot-password', expect: everyone(200) },
  // A made-up link: the page says it no longer works, to anyone.
  { file: '[locale]/reset-password/page.tsx', path: () => '/en/reset-password?token=made-up', expect: everyone(200) },
  { file: '[locale]/verify-email/page.tsx', path: () => '/en/verify-email?token=made-up', expect: everyone(200) },
  { file: '[locale]/editor/page.tsx', path: () => '/en/editor', expect: editorsPage },
  { file: '[locale]/editor/reports/[id]/page.tsx', path: (f) => `/en/editor/reports/${f.reportRef}`, expect: editorsPage },
  { file: '[locale]/admin/page.tsx', path: () => '/en/admin', expect: adminsPage },
  { file: '[locale]/admin/learners/page.tsx', path: () => '/en/admin/learners', expect: adminsPage },
  { file: '[locale]/admin/learners/[userId]/page.tsx', path: (f) => `/en/admin/learners/${f.learnerId}`, expect: adminsPage },
  { file: '[locale]/admin/users/page.tsx', path: () => '/en/admin/users', expect: adminsPage },
  { file: '[locale]/admin/users/[userId]/page.tsx', path: (f) => `/en/admin/users/${f.learnerId}?role=editor`, expect: adminsPage },
  // Certificates are public by their unguessable id; an unknown one is a 404 for everybody.
  { file: 'certificates/[id]/page.tsx', path: () => '/certificates/no-such-certificate', expect: everyone(404) },
  { file: 'certificates/[id]/pdf/route.ts', path: () => '/certificates/no-such-certificate/pdf', expect: everyone(404) },
  { file: 'api/admin/completion.csv/route.ts', path: () => `/api/admin/completion.csv?course=${course}`, expect: { anonymous: 401, learner: 403, editor: 403, admin: 200 } },
  { file: 'api/auth/[...nextauth]/route.ts', path: () => '/api/auth/session', expect: everyone(200) },
  { file: 'api/health/route.ts', path: () => '/api/health', expect: everyone(200) },
  { file: 'api/me/route.ts', path: () => '/api/me', expect: everyone(200) },
  { file: 'api/me/export/route.ts', path: () => '/api/me/export', expect: { anonymous: 401, learner: 200, editor: 200, admin: 200 } },
  { file: 'api/admin/export/route.ts', path: (f) => `/api/admin/export?user=${f.learnerId}`, expect: { anonymous: 401, learner: 403, editor: 403, admin: 200 } },
  { file: 'api/progress/route.ts', path: () => `/api/progress?course=${course}`, expect: { anonymous: 401, learner: 200, editor: 200, admin: 200 } },
  // Signed in, then the (empty) heartbeat is refused for its body: authentication comes first.
  { file: 'api/progress/route.ts', method: 'POST', path: () => '/api/progress', body: {}, expect: { anonymous: 401, learner: 400, editor: 400, admin: 400 } },
  { file: 'captions/[course]/[lesson]/[file]/route.ts', path: () => `/captions/${course}/${lesson}/en.vtt`, expect: everyone(200) },
  { file: 'transcripts/[course]/[lesson]/[file]/route.ts', path: () => `/transcripts/${course}/${lesson}/en.txt`, expect: everyone(200) },
  { file: 'lang/[locale]/route.ts', path: () => '/lang/en', expect: everyone(303) },
  { file: 'robots.ts', path: () => '/robots.txt', expect: everyone(200) },
  { file: 'sitemap.ts', path: () => '/sitemap.xml', expect: everyone(200) },
];

/** Every server action, by the role it needs; those open to anyone are tried in the spec named. */
const actions: Array<{ file: string; name: string; role: 'editor' | 'admin' } | { file: string; name: string; open: string }> = [
  { file: 'lib/admin/actions.ts', name: 'changeRoleAction', role: 'admin' },
  { file: 'lib/admin/account-actions.ts', name: 'deleteLearnerAction', role: 'admin' },
  ...['requestResetAction', 'resetPasswordAction', 'confirmEmailAction', 'resendVerificationAction', 'updateProfileAction', 'changeEmailAction', 'changePasswordAction', 'endSessionAction', 'endOtherSessionsAction', 'deleteAccountAction'].map((name) => ({
    file: 'lib/account/actions.ts',
    name,
    open: 'accounts.spec.ts (each acts on the signed-in user only)',
  })),
  { file: 'lib/reports/editor-actions.ts', name: 'changeStatusAction', role: 'editor' },
  { file: 'lib/reports/editor-actions.ts', name: 'applyCorrectionAction', role: 'editor' },
  { file: 'lib/reports/editor-actions.ts', name: 'revertCorrectionAction', role: 'editor' },
  { file: 'lib/reports/actions.ts', name: 'submitReportAction', open: 'reports.spec.ts' },
  { file: 'lib/quiz/actions.ts', name: 'gradeQuizAction', open: 'quiz.spec.ts' },
  { file: 'lib/auth/actions.ts', name: 'signInAction', open: 'auth.spec.ts' },
  { file: 'lib/auth/actions.ts', name: 'registerAction', open: 'auth.spec.ts' },
  { file: 'lib/auth/actions.ts', name: 'signOutAction', open: 'auth.spec.ts' },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.') ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

test.describe('the matrix covers everything', () => {
  test('every page, route handler and metadata route under app/ is in the matrix', () => {
    const answering = /(^|\/)(page\.(tsx|ts|jsx|js)|route\.(ts|js)|(robots|sitemap|manifest)\.(ts|tsx))$/;
    // A parallel-route slot (@account) renders inside its page's URL; it is not a route of its own.
    const files = filesUnder('app')
      .map((file) => path.relative('app', file).split(path.sep).join('/'))
      .filter((file) => answering.test(file) && !file.split('/').some((segment) => segment.startsWith('@')));
    expect(files.length).toBeGreaterThan(20);
    expect([...new Set(routes.map((route) => route.file))].sort()).toEqual(files.sort());
  });

  test('every exported server action is in the matrix', () => {
    const exported = filesUnder('lib')
      .concat(filesUnder('app'))
      .filter((file) => /\.(ts|tsx)$/.test(file) && /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8')))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^export (?:const|async function|function) (\w+)/gm)].map((match) => `${file.split(path.sep).join('/')}#${match[1]}`));
    expect(exported.sort()).toEqual(actions.map((action) => `${action.file}#${action.name}`).sort());
  });
});

/** Each role's client, signed in as a script signs in (cookies kept). */
let clients: Record<Role, APIRequestContext>;
let fixtures: Fixtures;
const learner = { email: `matrix.learner.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'matrix learner words', role: 'learner' as const, name: 'Matrix Learner' };
const editor = { email: `matrix.editor.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'matrix editor words', role: 'editor' as const, name: 'Matrix Editor' };

async function anonymousReport(browser: Browser, target: { locale: string; lesson: string }): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': visitorAddress() } });
  const page = await context.newPage();
  await page.goto(`/${target.locale}/courses/${course}/${target.lesson}`);
  const ref = await new ReportPages(page).send({ where: 'summary', message: 'A word is missing in the summary, I think.' });
  await context.close();
  return ref;
}

test.describe('every role against every page, route handler and server action', () => {
  test.describe.configure({ mode: 'serial' });
  test.setTimeout(180_000);

  test.beforeAll(async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    createUser(learner);
    createUser(editor);
    clients = {
      anonymous: await playwright.request.newContext({ baseURL: e2e.baseURL }),
      learner: await signedIn(e2e.baseURL, learner.email, learner.password),
      editor: await signedIn(e2e.baseURL, editor.email, editor.password),
      admin: await signedIn(e2e.baseURL, e2e.admin.email, e2e.admin.password),
    };
    const users = await (await clients.admin.get(`/en/admin/users?q=${encodeURIComponent(learner.email)}`)).text();
    const learnerId = /\/en\/admin\/users\/([0-9a-f-]{36})/.exec(users)![1]!;
    fixtures = { learnerId, reportRef: await anonymousReport(browser, { locale: 'es', lesson: lessons.at(-1)!.slug }) };
  });
  test.afterAll(async () => {
    for (const client of Object.values(clients ?? {})) await client.dispose();
  });

  for (const route of routes) {
    const method = route.method ?? 'GET';
    test(`${method} ${route.file}`, async () => {
      const url = route.path(fixtures);
      for (const role of roles) {
        const response = await clients[role].fetch(url, {
          method,
          data: route.body,
          headers: { origin: e2e.baseURL },
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        const expected = route.expect[role];
        if (expected === 'login') {
          expect(response.status(), `${role} ${url}`).toBe(307);
          // Back to this page afterwards (with the query the page settled on, such as a default sort).
          expect(response.headers().location, `${role} ${url}`).toMatch(new RegExp(`^/en/login\\?next=${encodeURIComponent(url.split('?')[0]!)}(%3F|$)`));
        } else {
          expect(response.status(), `${role} ${url}`).toBe(expected);
        }
      }
    });
  }

  /** A page's HTML as `role` is served it, opened without JavaScript. */
  async function pageAs(browser: Browser, role: Role, url: string): Promise<Page> {
    const html = await (await clients[role].get(url)).text();
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.setContent(html);
    return page;
  }

  /** The hidden fields of a form as the page renders it without JavaScript (the action's id among them). */
  async function formShownTo(browser: Browser, role: 'editor' | 'admin', url: string, form: string): Promise<Record<string, string>> {
    const page = await pageAs(browser, role, url);
    const fields = await page.locator(`${form} input[type=hidden]`).evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
    await page.context().close();
    expect(fields.some(([name]) => name!.startsWith('$ACTION_')), `${form} on ${url}`).toBe(true);
    return Object.fromEntries(fields);
  }

  /** Posts an action by hand as `role`; checks the refusal (or the success) and returns the answer. */
  async function post(role: Role, url: string, fields: Record<string, string>, allowed: boolean) {
    const response = await clients[role].post(url, { multipart: fields, headers: { origin: e2e.baseURL }, maxRedirects: 0, failOnStatusCode: false });
    const body = await response.text();
    if (allowed) {
      expect(response.status(), `${role} may`).toBe(303);
    } else if (role === 'anonymous') {
      expect(response.status(), 'anonymous').toBe(307);
      expect(response.headers().location).toMatch(/^\/en\/login\?next=/);
      expect(body, 'the action itself refused').toContain(en.errors.unauthorized);
    } else {
      expect(response.status(), role).toBe(403);
      expect(body, 'the action itself refused').toContain(en.errors.forbidden);
    }
    return response;
  }

  /** What the editor's page of the report shows. */
  async function reportAsEditorSees(browser: Browser, url: string) {
    const page = await pageAs(browser, 'editor', url);
    const view = {
      status: (await page.getByTestId('report-status').textContent())?.trim(),
      live: await page.getByTestId('live-override').count(),
      passage: (await page.getByTestId('passage').textContent())?.trim(),
    };
    await page.context().close();
    return view;
  }

  test('editor actions: refused for anonymous and learner (nothing changes), done by an editor', async ({ browser }) => {
    const url = `/en/editor/reports/${fixtures.reportRef}`;

    const status = await formShownTo(browser, 'editor', url, '[data-testid=status-form]');
    for (const role of ['anonymous', 'learner'] as const) await post(role, url, { ...status, to: 'in_review', note: `by ${role}` }, false);
    expect((await reportAsEditorSees(browser, url)).status).toBe(en.reportStatus.new);
    await post('editor', url, { ...status, to: 'in_review' }, true);
    expect((await reportAsEditorSees(browser, url)).status).toBe(en.reportStatus.in_review);
    await post('editor', url, { ...status, to: 'accepted' }, true);
    expect((await reportAsEditorSees(browser, url)).status).toBe(en.reportStatus.accepted);

    // The correction puts back the text it had, so other tests reading this lesson see no change.
    const before = await reportAsEditorSees(browser, url);
    const apply = await formShownTo(browser, 'editor', url, '[data-testid=apply-form]');
    for (const role of ['anonymous', 'learner'] as const) await post(role, url, { ...apply, text: `Defaced by ${role}` }, false);
    expect(await reportAsEditorSees(browser, url)).toEqual(before);
    await post('editor', url, { ...apply, text: before.passage! }, true);
    expect(await reportAsEditorSees(browser, url)).toMatchObject({ status: en.reportStatus.applied, live: 1 });

    const revert = await formShownTo(browser, 'editor', url, '[data-testid=revert-form]');
    for (const role of ['anonymous', 'learner'] as const) await post(role, url, revert, false);
    expect(await reportAsEditorSees(browser, url)).toMatchObject({ status: en.reportStatus.applied, live: 1 });
    await post('editor', url, revert, true);
    expect(await reportAsEditorSees(browser, url)).toMatchObject({ status: en.reportStatus.accepted, live: 0 });
  });

  test('the admin action: refused for anonymous, learner and editor (nothing changes), done by an admin', async ({ browser }) => {
    const bystander = { email: `matrix.bystander.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'bystander words here', role: 'learner' as const, name: 'Matrix Bystander' };
    createUser(bystander);
    const users = await (await clients.admin.get(`/en/admin/users?q=${encodeURIComponent(bystander.email)}`)).text();
    const id = /\/en\/admin\/users\/([0-9a-f-]{36})/.exec(users)![1]!;
    const url = `/en/admin/users/${id}?role=admin`;
    const form = await formShownTo(browser, 'admin', url, 'form.role-confirm');
    const roleOf = async () => /data-testid="user-role"[^>]*>([^<]+)</.exec(await (await clients.admin.get(`/en/admin/users?q=${encodeURIComponent(bystander.email)}`)).text())?.[1];
    for (const role of ['anonymous', 'learner', 'editor'] as const) await post(role, url, { ...form, confirm: 'yes' }, false);
    // The learner tried to make someone else an admin, and themself too.
    await post('learner', `/en/admin/users/${fixtures.learnerId}?role=admin`, { ...form, userId: fixtures.learnerId, confirm: 'yes' }, false);
    expect(((await (await clients.learner.get('/api/me')).json()) as { user: { role: string } }).user.role).toBe('learner');
    expect(await roleOf()).toBe(en.admin.roles.learner);
    await post('admin', url, { ...form, confirm: 'yes' }, true);
    expect(await roleOf()).toBe(en.admin.roles.admin);
  });

  test('deleting a learner: refused for anonymous, learner and editor (nothing changes), done by an admin', async ({ browser }) => {
    const target = { email: `matrix.deleted.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'to be deleted words', role: 'learner' as const, name: 'Matrix Deleted' };
    createUser(target);
    const users = await (await clients.admin.get(`/en/admin/users?q=${encodeURIComponent(target.email)}`)).text();
    const id = /\/en\/admin\/users\/([0-9a-f-]{36})/.exec(users)![1]!;
    const url = `/en/admin/learners/${id}`;
    const form = await formShownTo(browser, 'admin', url, '[data-testid=delete-learner]');
    for (const role of ['anonymous', 'learner', 'editor'] as const) await post(role, url, { ...form, confirm: 'yes' }, false);
    expect((await clients.admin.get(url)).status()).toBe(200);
    await post('admin', url, { ...form, confirm: 'yes' }, true);
    expect((await clients.admin.get(url, { failOnStatusCode: false })).status()).toBe(404);
  });
});
