import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { catalogs } from '../../lib/i18n/messages';
import { adminCourse, AdminPages, adminPaths, createUser, csvPath } from './pages/AdminPages';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { advanceServerClock } from './support/clock';
import { lessons } from './support/content';
import { e2e } from './support/env';

const password = 'steady admin test words';

async function signUp(page: Page, name: string) {
  const email = uniqueEmail('admin-spec');
  await new AuthPages(page).register('en', { name, email, password });
  await new AuthPages(page).expectSignedInAs(name);
  return email;
}

async function asAdmin(browser: Browser): Promise<{ page: Page; admin: AdminPages; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: e2e.baseURL });
  const page = await context.newPage();
  const admin = new AdminPages(page);
  await admin.signInAsAdmin();
  return { page, admin, close: () => context.close() };
}

test.describe('admin authorization', () => {
  test('anonymous visitors are sent to sign in, and the CSV answers 401', async ({ page }) => {
    for (const path of adminPaths('fr')) {
      await page.goto(path);
      await expect(page, path).toHaveURL(new RegExp(`/fr/login\\?next=${encodeURIComponent(path.split('?')[0]!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    const csv = await page.request.get(csvPath, { failOnStatusCode: false });
    expect(csv.status()).toBe(401);
    expect(await csv.json()).toMatchObject({ code: 'unauthorized' });
  });

  for (const role of ['learner', 'editor'] as const) {
    test(`a signed-in ${role} gets a localized 403 page and a 403 CSV`, async ({ page }) => {
      const email = uniqueEmail(`admin-${role}`);
      createUser({ email, password, role, name: `Some ${role}` });
      await new AuthPages(page).login('it', email, password);
      await new AuthPages(page).expectSignedInAs(`Some ${role}`);
      for (const path of adminPaths('it')) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByTestId('forbidden')).toContainText(catalogs.it.forbidden.title);
      }
      const csv = await page.request.get(csvPath, { failOnStatusCode: false });
      expect(csv.status()).toBe(403);
      expect(await csv.json()).toMatchObject({ code: 'forbidden', error: catalogs.it.errors.forbidden });
    });
  }

  test('an admin gets every page; bad query parameters give a clean page; an unknown course is a 404', async ({ page }) => {
    const admin = new AdminPages(page);
    await admin.signInAsAdmin();
    for (const path of adminPaths('en').slice(0, 2).concat('/en/admin/users', '/en/admin/learners?sort=evil&dir=up&page=-3&status=nope')) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
    expect((await page.goto('/en/admin/learners/no-such-user'))?.status()).toBe(404);
    expect((await page.request.get('/api/admin/completion.csv?course=nope', { failOnStatusCode: false })).status()).toBe(404);
    expect((await page.request.get('/api/admin/completion.csv', { failOnStatusCode: false })).status()).toBe(400);
  });
});

test.describe('admin dashboard', () => {
  test('error reports are counted by status, each linking to the editors’ queue', async ({ page }) => {
    const admin = new AdminPages(page);
    await admin.signInAsAdmin();
    await admin.openDashboard();
    const section = page.getByTestId('admin-reports');
    await expect(section.locator('[data-report-status]')).toHaveCount(5);
    await expect(section.getByRole('link', { name: 'New' })).toHaveAttribute('href', '/en/editor?status=new');
    await expect(section.locator('[data-report-status="new"] dd')).toHaveText(/^\d+$/);
  });

  test("an admin sees a real learner's progress in the table and on the learner's page", async ({ page, browser }) => {
    const email = await signUp(page, 'Prog Ressa');
    const first = lessons[0]!;
    // Two heartbeats, 30 s of (fast-forwarded) server time apart, as the player sends them.
    for (const at of [0, 60]) {
      advanceServerClock(30);
      const response = await page.request.post('/api/progress', { data: { course: adminCourse, lesson: first.slug, intervals: [[at, at + 60]], position: at + 60 } });
      expect(response.status()).toBe(200);
    }
    const mine = (await (await page.request.get(`/api/progress?course=${adminCourse}`)).json()).lessons[0];
    expect(mine.watchedPercent).toBeGreaterThan(0);

    const { page: adminPage, admin, close } = await asAdmin(browser);
    await admin.openLearners('en', { q: email });
    const row = admin.learnerRow(email);
    await expect(row).toContainText('Prog Ressa');
    const cell = row.locator(`td[data-lesson="${first.slug}"]`);
    await expect(cell).toContainText(`${mine.watchedPercent}%`);
    await expect(cell.locator('.badge')).toHaveAttribute('title', 'In progress');
    await admin.openLearners('en', { q: email, status: 'complete' });
    await expect(admin.learnerRow(email)).toHaveCount(0);
    await admin.openLearners('en', { q: email, status: 'inProgress' });
    await row.getByRole('link', { name: 'Prog Ressa' }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Prog Ressa');
    await expect(adminPage.getByTestId('learner-detail').locator(`tr[data-lesson="${first.slug}"]`)).toContainText(`${mine.watchedPercent}%`);
    await admin.openDashboard();
    await expect(adminPage.getByTestId('funnel-table').locator(`tr[data-lesson="${first.slug}"] td`).first()).not.toHaveText('0');
    await expect(adminPage.locator('svg[role=img] title')).toHaveText('Learners at each step, lesson by lesson');
    await close();
  });

  test('sorting and paging are plain links that work without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: e2e.baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const admin = new AdminPages(page);
    await admin.signInAsAdmin();
    await admin.openLearners('en');
    await page.locator('a[data-sort=email]').click();
    await expect(page).toHaveURL(/sort=email&dir=asc/);
    await expect(page.locator('th[aria-sort=ascending]')).toContainText('Email');
    await page.locator('a[data-sort=email]').click();
    await expect(page.locator('th[aria-sort=descending]')).toContainText('Email');
    await page.locator('#filter-status').selectOption('notStarted');
    await page.locator('form.filters button[type=submit]').click();
    await expect(page).toHaveURL(/status=notStarted/);
    await context.close();
  });

  test('the CSV: in the admin’s language, with quiz, activity and sign-up columns, the separator their Excel expects, and the list’s filter', async ({ page }) => {
    const admin = new AdminPages(page);
    await admin.signInAsAdmin('it');
    await admin.openDashboard('it');
    const csv = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      expect(download.suggestedFilename()).toMatch(/^risoluzione-dei-conflitti-completion-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      return text.slice(1).split('\r\n');
    };
    const it = catalogs.it.admin.csv;
    const lessonHeaders = (sep: string) => lessons.map((_, i) => [it.coverage, it.quiz, it.status].map((h) => h.replace('{n}', String(i + 1))).join(sep));
    // Italian: ';' preselected (Italian Excel splits on it), Italian headers.
    await expect(page.locator(`#csv-sep-${adminCourse}`)).toHaveValue('semicolon');
    const semicolon = await csv(() => page.getByTestId('csv-link').click());
    expect(semicolon[0]).toBe([it.email, it.name, ...lessonHeaders(';'), it.coursePercent, it.completedAt, it.lastActivity, it.signedUp].join(';'));
    // The admin may choose ',' instead.
    await page.locator(`#csv-sep-${adminCourse}`).selectOption('comma');
    const comma = await csv(() => page.getByTestId('csv-link').click());
    expect(comma[0]!.split(',')).toHaveLength(semicolon[0]!.split(';').length);
    // English: ',' by default.
    await admin.openDashboard('en');
    await expect(page.locator(`#csv-sep-${adminCourse}`)).toHaveValue('comma');

    // The learner list offers the CSV of what it shows: its filter rides along.
    const email = e2e.admin.email;
    await admin.openLearners('en', { q: email });
    const filtered = await csv(() => page.getByTestId('csv-link').click());
    expect(filtered.filter((line) => line !== '').slice(1).every((line) => line.startsWith(email))).toBe(true);
    const response = await page.request.get(csvPath);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=/);
  });

  test('lesson columns are titled on the page, and the table fits 1280 px', async ({ page }, info) => {
    test.skip(info.project.name === 'phone', 'desktop layout');
    await page.setViewportSize({ width: 1280, height: 800 });
    const admin = new AdminPages(page);
    await admin.signInAsAdmin();
    await admin.openLearners('en');
    const headers = page.getByTestId('learner-table').locator('th.admin-table__lesson');
    await expect(headers).toHaveCount(lessons.length);
    await expect(headers.first()).toContainText(/^1 · \S+/);
    const frame = page.getByTestId('learner-table-scroll');
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});

test.describe('users and roles', () => {
  test('a role change is two steps (choose, confirm), lands on the filtered list, and the learner is an editor on their next request', async ({ page, browser }) => {
    const email = await signUp(page, 'Promo Ted');
    expect((await (await page.request.get('/api/me')).json()).user.role).toBe('learner');

    const { page: adminPage, admin, close } = await asAdmin(browser);
    await admin.openUsers('en', email);
    await admin.chooseRole(email, 'editor');
    await expect(adminPage.getByTestId('confirm-question')).toHaveText(`Change the role of Promo Ted (${email}) from Learner to Editor?`);
    await admin.confirm();
    await expect(adminPage.getByTestId('role-changed')).toHaveText(`${email} is now: Editor.`);
    // Back on the list as it was filtered, the new role in the row.
    expect(new URL(adminPage.url()).searchParams.get('q')).toBe(email);
    await expect(admin.userRow(email).getByTestId('user-role')).toHaveText('Editor');
    await close();

    // Same session, no new sign-in: the next request carries the new role.
    expect((await (await page.request.get('/api/me')).json()).user.role).toBe('editor');
    expect((await page.goto('/en/admin'))?.status()).toBe(403);
  });

  test('the confirmation works without JavaScript', async ({ browser }) => {
    const email = uniqueEmail('admin-nojs');
    createUser({ email, password, role: 'learner', name: 'No Script' });
    const context = await browser.newContext({ baseURL: e2e.baseURL, javaScriptEnabled: false });
    const admin = new AdminPages(await context.newPage());
    await admin.signInAsAdmin();
    await admin.openUsers('en', email);
    await admin.chooseRole(email, 'editor');
    await admin.confirm();
    await admin.openUsers('en', email);
    await expect(admin.userRow(email).getByTestId('user-role')).toHaveText('Editor');
    await context.close();
  });

  test('the last admin cannot be demoted: a clear, localized error', async ({ page }) => {
    const admin = new AdminPages(page);
    await admin.signInAsAdmin('it');
    await admin.openUsers('it', e2e.admin.email);
    await admin.chooseRole(e2e.admin.email, 'learner');
    await admin.confirm();
    await expect(admin.roleError()).toHaveText(catalogs.it.errors.lastAdmin);
    await admin.openUsers('it', e2e.admin.email);
    await expect(admin.userRow(e2e.admin.email).getByTestId('user-role')).toHaveText(catalogs.it.admin.roles.admin);
  });
});

test.describe('admin pages: accessibility and phone layout', () => {
  test('axe finds no violations on the admin pages', async ({ page, browser }) => {
    // Two people, an axe pass per page: slow on a busy 2-core machine.
    test.setTimeout(180_000);
    const learnerEmail = await signUp(page, 'Axe Learner');
    const { page: adminPage, admin, close } = await asAdmin(browser);
    await admin.openUsers('en', learnerEmail);
    const userId = (await admin.userRow(learnerEmail).locator('form').getAttribute('action'))!.split('/').pop()!;
    for (const path of adminPaths('en', userId)) {
      await adminPage.goto(path);
      const results = await new AxeBuilder({ page: adminPage }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), path).toEqual([]);
    }
    await close();
  });

  test('@phone the learner table scrolls inside its frame, the page does not', async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'phone layout only');
    const admin = new AdminPages(page);
    await admin.signInAsAdmin();
    await admin.openLearners('en');
    const frame = page.getByTestId('learner-table-scroll');
    await expect(frame).toBeVisible();
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await admin.openDashboard();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
