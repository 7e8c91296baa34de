import { expect, test, type Page, type Request } from '@playwright/test';
import { LessonPage } from './pages/LessonPage';
import { lessonOf } from './support/content';
import { heartbeat, lessonProgress, signUpLearner } from './support/progress';
import { course } from './pages/LessonPage';

// Watching is recorded whatever the order of events: each request the page
// makes is slowed (or fails) in turn while a learner plays at 2×, and what the
// server ends up with must cover what the browser says was played.

const lesson = 'livelli-di-contatto';
const duration = lessonOf(lesson).timings.duration;
const savedAt = 120; // a resume point from an earlier visit: 2:00

const isProgress = (url: URL) => url.pathname === '/api/progress';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's whole-percent figure must account for all but `slack` seconds of what was played. */
async function expectServerCovers(page: Page, playedSeconds: number, slack = 2) {
  const least = Math.floor(((playedSeconds - slack) / duration) * 100);
  const most = Math.floor(((playedSeconds + slack) / duration) * 100);
  await expect.poll(async () => (await lessonProgress(page.request, lesson)).watchedPercent, { timeout: 40_000 }).toBeGreaterThanOrEqual(least);
  expect((await lessonProgress(page.request, lesson)).watchedPercent).toBeLessThanOrEqual(most);
}

async function slowDown(page: Page, which: (request: Request) => boolean) {
  await page.route('**/api/**', async (route) => {
    if (which(route.request())) await wait(3000);
    await route.fallback();
  });
}

const slowCases: [string, (request: Request) => boolean][] = [
  ['the resume lookup (GET /api/progress)', (r) => isProgress(new URL(r.url())) && r.method() === 'GET'],
  ['the heartbeats (POST /api/progress)', (r) => isProgress(new URL(r.url())) && r.method() === 'POST'],
  ['the user menu (/api/me)', (r) => new URL(r.url()).pathname === '/api/me'],
];

test.describe('watching is recorded whatever the order of events', () => {
  // Each test waits on purpose (3 s delays, seconds of playback, retries after 2 + 4 + 8 s of back-off).
  test.describe.configure({ timeout: 120_000 });

  for (const [name, which] of slowCases) {
    test(`nothing is lost and nothing jumps when ${name} answers 3 s late`, async ({ page }) => {
      await signUpLearner(page);
      expect((await heartbeat(page.request, { course, lesson, intervals: [], position: savedAt })).status()).toBe(200);
      await slowDown(page, which);
      const view = new LessonPage(page, 'en', lesson);
      await view.open();
      await view.watchForJumps();
      await view.playFast(); // at once, as a learner who presses play straight away
      await page.waitForTimeout(8000);
      await view.pause();
      const played = await view.playedSeconds();
      expect(played).toBeGreaterThan(12);
      await expectServerCovers(page, played);
      expect(await view.jumps()).toEqual([]);
    });
  }

  test('a late resume answer offers “Resume at” instead of moving the playing video', async ({ page }) => {
    await signUpLearner(page);
    expect((await heartbeat(page.request, { course, lesson, intervals: [], position: savedAt })).status()).toBe(200);
    await slowDown(page, (r) => isProgress(new URL(r.url())) && r.method() === 'GET');
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.getByTestId('learner-panel')).toHaveCount(0); // the answer is still on its way
    await view.watchForJumps();
    await view.playFast();
    const offer = page.getByTestId('resume-offer');
    await expect(offer.getByRole('button')).toHaveText('Resume at 2:00');
    expect(await view.currentTime()).toBeLessThan(30);
    expect(await view.jumps()).toEqual([]);
    await expect(page.getByTestId('resume-resumed')).toHaveCount(0);

    await offer.getByRole('button').click();
    await expect.poll(() => view.currentTime()).toBeGreaterThanOrEqual(savedAt);
    await expect(offer).toHaveCount(0);
  });

  for (const failure of ['500', 'abort'] as const) {
    test(`heartbeats that fail (${failure}) are resent and nothing is lost`, async ({ page }) => {
      await signUpLearner(page);
      let posts = 0;
      await page.route(isProgress, async (route) => {
        if (route.request().method() !== 'POST' || ++posts > 3) return route.fallback();
        if (failure === 'abort') return route.abort('connectionreset');
        return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"down"}' });
      });
      const view = new LessonPage(page, 'en', lesson);
      await view.open();
      await expect(page.getByTestId('learner-panel')).toBeVisible();
      await view.playFast();
      await page.waitForTimeout(5000);
      await view.pause();
      const played = await view.playedSeconds();
      await expectServerCovers(page, played);
      expect(posts).toBeGreaterThan(3);
      await expect.poll(() => view.storedUnsent()).toEqual([]);
    });
  }

  test('a reload while heartbeats fail resends what was watched from localStorage', async ({ page }) => {
    await signUpLearner(page);
    await page.addInitScript(() => {
      navigator.sendBeacon = () => true; // the beacon on leaving is lost too: only localStorage is left
    });
    let failing = true;
    await page.route(isProgress, (route) =>
      failing && route.request().method() === 'POST' ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"down"}' }) : route.fallback(),
    );
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.getByTestId('learner-panel')).toBeVisible();
    await view.playFast();
    await page.waitForTimeout(5000);
    await view.pause();
    const played = await view.playedSeconds();
    // One lesson's entry, one interval: what was played, kept until acknowledged.
    await expect.poll(async () => (await view.storedUnsent()).map((intervals) => intervals.length)).toEqual([1]);
    const [start, end] = (await view.storedUnsent())[0]![0]!;
    expect(end - start).toBeGreaterThan(played - 1);
    expect((await lessonProgress(page.request, lesson)).watchedPercent).toBe(0);

    failing = false;
    await page.reload();
    await expectServerCovers(page, played);
    await expect.poll(() => view.storedUnsent()).toEqual([]);
    // Resent without a position: this visit played nothing, so the resume point is not moved.
    expect((await lessonProgress(page.request, lesson)).position).toBe(0);
  });

  test('a resume mid-video brings the transcript to the paragraph being resumed, before anything plays', async ({ page }) => {
    const at = Math.round(duration * 0.75);
    await signUpLearner(page);
    expect((await heartbeat(page.request, { course, lesson, intervals: [], position: at })).status()).toBe(200);
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect.poll(() => view.currentTime()).toBeGreaterThan(at - 2);
    const spoken = page.getByTestId('transcript').locator('li[aria-current="true"]');
    await expect(spoken).toHaveCount(1);
    // The paragraph is the one the resume point falls in, and it is inside the transcript's own scroll box, which has moved.
    const start = Number(await spoken.getAttribute('data-start'));
    expect(start).toBeLessThanOrEqual(at);
    expect(start).toBeGreaterThan(0);
    await expect
      .poll(() =>
        spoken.evaluate((item) => {
          const box = item.closest('ol')!;
          const inner = item.getBoundingClientRect();
          const outer = box.getBoundingClientRect();
          return box.scrollTop > 0 && inner.top >= outer.top - 1 && inner.top < outer.bottom;
        }),
      )
      .toBe(true);
    expect(await view.video().evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  });
});
