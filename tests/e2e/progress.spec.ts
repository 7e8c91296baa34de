import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { course, LessonPage } from './pages/LessonPage';
import { advanceServerClock } from './support/clock';
import { lessonOf, lessons } from './support/content';
import { e2e } from './support/env';

const password = 'steady progress words';
const lesson = 'livelli-di-contatto';

async function signUp(page: Page, name = 'Learner Lu') {
  await new AuthPages(page).register('en', { name, email: uniqueEmail('progress'), password });
  await new AuthPages(page).expectSignedInAs(name);
}

function heartbeat(request: APIRequestContext, data: unknown, headers: Record<string, string> = {}) {
  return request.post('/api/progress', { data, headers, failOnStatusCode: false });
}

async function lessonProgress(request: APIRequestContext, slug = lesson) {
  const body = await (await request.get(`/api/progress?course=${course}`)).json();
  return body.lessons.find((l: { lesson: string }) => l.lesson === slug);
}

test.describe('progress API', () => {
  test('anonymous callers get 401 and nothing is stored', async ({ request }) => {
    expect((await heartbeat(request, { course, lesson, intervals: [[0, 10]], position: 10 })).status()).toBe(401);
    expect((await request.get(`/api/progress?course=${course}`)).status()).toBe(401);
  });

  test('every bad input gets a clear 400/404/403/413 and stores nothing', async ({ page }) => {
    await signUp(page);
    const request = page.request;
    const cases: [unknown, number][] = [
      [{ course, lesson, intervals: [[0, 5]], position: 'end' }, 400],
      [{ course, lesson, intervals: 'all', position: 1 }, 400],
      [{ course, lesson, intervals: [[-1, 5]], position: 1 }, 400],
      [{ course, lesson, intervals: [[9, 3]], position: 1 }, 400],
      [{ course, lesson, intervals: Array.from({ length: 101 }, (_, i) => [i, i + 0.5]), position: 1 }, 400],
      [{ course, lesson, intervals: [[0, 5]], position: 1, admin: true }, 400],
      [{ course: 'nope', lesson, intervals: [[0, 5]], position: 1 }, 404],
      [{ course, lesson: 'nope', intervals: [[0, 5]], position: 1 }, 404],
      [{ course: '../etc', lesson, intervals: [], position: 1 }, 400],
    ];
    for (const [data, status] of cases) {
      const response = await heartbeat(request, data);
      expect(response.status(), JSON.stringify(data).slice(0, 80)).toBe(status);
      expect((await response.json()).error).toBeTruthy();
    }
    const malformed = await request.post('/api/progress', { data: '{"course":', headers: { 'Content-Type': 'application/json' }, failOnStatusCode: false });
    expect(malformed.status()).toBe(400);
    const huge = await request.post('/api/progress', { data: JSON.stringify({ course, lesson, intervals: [], position: 1, pad: 'x'.repeat(6000) }), headers: { 'Content-Type': 'application/json' }, failOnStatusCode: false });
    expect(huge.status()).toBe(413);
    const foreign = await heartbeat(request, { course, lesson, intervals: [[0, 5]], position: 5 }, { Origin: 'https://evil.example' });
    expect(foreign.status()).toBe(403);
    expect(await lessonProgress(request)).toMatchObject({ watchedPercent: 0, position: 0 });
  });

  test('one request claiming the whole video does not complete it', async ({ page }) => {
    await signUp(page);
    const duration = lessonOf(lesson).timings.duration;
    const response = await heartbeat(page.request, { course, lesson, intervals: [[0, duration]], position: duration });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ lesson, videoComplete: false, complete: false });
    expect(body.watchedPercent).toBeLessThan(25);
    expect(Object.keys(body).sort()).toEqual(['complete', 'lesson', 'position', 'quizBest', 'quizPassed', 'state', 'videoComplete', 'watchedPercent']);
  });
});

test.describe('progress in the page', () => {
  test('an anonymous visitor plays a lesson and the page sends no progress', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/progress') && request.method() === 'POST') posts.push(request.url());
    });
    const view = new LessonPage(page, 'it', lesson);
    await view.open();
    await view.playFrom(0);
    await page.waitForTimeout(1500);
    await view.video().evaluate((v: HTMLVideoElement) => v.pause());
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);
    await expect(page.getByTestId('anon-notice')).toBeVisible();
  });

  test('a learner plays: coverage rises, and a reload resumes at the position', async ({ page }) => {
    await signUp(page);
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.getByTestId('learner-panel')).toBeVisible();
    await view.playFast();
    await page.waitForTimeout(5000);
    await view.video().evaluate((v: HTMLVideoElement) => v.pause());
    await expect(page.getByTestId('watched-percent')).not.toHaveText(/ 0% /);
    const saved = await lessonProgress(page.request);
    expect(saved.watchedPercent).toBeGreaterThan(0);
    expect(saved.position).toBeGreaterThan(5);

    await page.reload();
    await expect(page.locator('.resume-bar')).toBeVisible();
    await expect.poll(() => view.currentTime()).toBeGreaterThan(5);
    await page.locator('.resume-bar button').click();
    await expect.poll(() => view.currentTime()).toBeLessThan(1);
  });

  test('seeking to the end and letting it finish does not complete the video', async ({ page }) => {
    await signUp(page);
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.getByTestId('learner-panel')).toBeVisible();
    const duration = lessonOf(lesson).timings.duration;
    await view.video().evaluate(async (v: HTMLVideoElement, at) => {
      v.muted = true;
      v.currentTime = at;
      await v.play();
    }, duration - 3);
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.ended), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await lessonProgress(page.request)).position).toBeGreaterThan(duration - 5);
    const saved = await lessonProgress(page.request);
    expect(saved).toMatchObject({ videoComplete: false, complete: false });
    expect(saved.watchedPercent).toBeLessThanOrEqual(2);
  });

  test('closing the page mid-play keeps what was watched', async ({ page, context }) => {
    await signUp(page);
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.getByTestId('learner-panel')).toBeVisible();
    await view.playFast();
    await page.waitForTimeout(4000);
    await page.close({ runBeforeUnload: true });
    const other = await context.newPage();
    await expect.poll(async () => (await lessonProgress(other.request)).watchedPercent, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await lessonProgress(other.request)).position).toBeGreaterThan(3);
  });

  test('a learner who completes the course gets a certificate that verifies', async ({ page }) => {
    test.setTimeout(180_000);
    await signUp(page, 'Certa Fine');
    for (const item of lessons) {
      // The player's heartbeats, 30 s of (fast-forwarded) server time apart, each 60 s of video at 2×.
      const duration = item.timings.duration;
      for (let at = 0; at < duration; at += 60) {
        advanceServerClock(30);
        const response = await heartbeat(page.request, { course, lesson: item.slug, intervals: [[at, Math.min(duration, at + 60)]], position: Math.min(duration, at + 60) });
        expect(response.status()).toBe(200);
      }
      const view = new LessonPage(page, 'en', item.slug);
      await view.open();
      for (const question of item.texts.en!.quiz) await view.answer(question.id, question.answer);
      await view.submitQuiz();
      await expect(page.getByTestId('quiz-score')).toContainText('(100%)');
      await expect(page.locator('form.quiz')).toContainText('Your result has been saved');
      await expect(page.getByTestId('lesson-status')).toHaveText('Complete');
    }
    await page.goto(`/en/courses/${course}`);
    await expect(page.getByTestId('course-percent')).toHaveText('Course 100% complete');
    await page.getByRole('link', { name: 'View your certificate' }).click();
    await expect(page.getByTestId('certificate-name')).toHaveText('Certa Fine');
    await expect(page.getByTestId('certificate-course')).toContainText('Resolving Customer Conflicts');
    const url = page.url();
    expect(url).toMatch(/\/certificates\/[A-Za-z0-9_-]{24}$/);

    // Anyone can verify it, without signing in; the PDF downloads; a made-up id does not verify.
    // A visitor whose browser prefers Italian sees it in the learner's language (English here), the name above "has completed the course".
    const anonymous = await page.context().browser()!.newContext({ baseURL: new URL(url).origin, locale: 'it-IT' });
    const visitor = await anonymous.newPage();
    await visitor.goto(url);
    await expect(visitor.getByTestId('certificate-name')).toHaveText('Certa Fine');
    await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
    await expect(visitor.getByTestId('certificate-statement')).toHaveText('has completed the course');
    const [name, statement] = await Promise.all([visitor.getByTestId('certificate-name').boundingBox(), visitor.getByTestId('certificate-statement').boundingBox()]);
    expect(name!.y).toBeLessThan(statement!.y);
    const pdf = await visitor.request.get(`${url}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await visitor.goto(`${new URL(url).origin}/certificates/AAAAAAAAAAAAAAAAAAAAAAAA`))?.status()).toBe(404);
    await anonymous.close();

    await page.goto('/en/me');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My progress');
    await expect(page.locator('[data-testid^="me-course-"]')).toContainText('Course 100% complete');
    await expect(page.locator('#certificates-title + ul li')).toHaveCount(1);
  });

  test('a wrong certificate code says so plainly, in the visitor’s language, with a 404', async ({ browser }) => {
    for (const [locale, heading] of [['it-IT', 'Questo non è un certificato valido.'], ['fr-FR', 'Ce n’est pas un certificat valide.']] as const) {
      const context = await browser.newContext({ baseURL: e2e.baseURL, locale });
      const visitor = await context.newPage();
      for (const code of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-code']) {
        expect((await visitor.goto(`/certificates/${code}`))?.status()).toBe(404);
        await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expect(visitor.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        expect(await visitor.locator('main').innerText()).not.toMatch(/not found|could not be found/i);
      }
      expect((await visitor.request.get('/certificates/AAAAAAAAAAAAAAAAAAAAAAAA/pdf')).status()).toBe(404);
      expect((await new AxeBuilder({ page: visitor }).analyze()).violations).toEqual([]);
      await context.close();
    }
  });

  test('/me asks anonymous visitors to sign in', async ({ page }) => {
    await page.goto('/fr/me');
    await expect(page).toHaveURL(/\/fr\/login\?next=%2Ffr%2Fme$/);
  });
});
