import http from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { course } from './pages/LessonPage';
import { advanceServerClock, serverClockMs } from './support/clock';
import { e2e } from './support/env';
import { lessons } from './support/content';

// The attacks on progress from the completion-integrity issue, tried against the production build.

async function signUp(page: Page) {
  await new AuthPages(page).register('en', { name: 'Max Script', email: uniqueEmail('attack'), password: 'steady progress words' });
  await new AuthPages(page).expectSignedInAs('Max Script');
}

const heartbeat = (request: APIRequestContext, data: unknown) => request.post('/api/progress', { data, failOnStatusCode: false });

async function statusOf(request: APIRequestContext, slug: string) {
  const body = await (await request.get(`/api/progress?course=${course}`)).json();
  return body.lessons.find((l: { lesson: string }) => l.lesson === slug);
}

/** Posts an endless chunked body with the page's cookies; resolves with the status once the server answers. */
function postEndlessBody(path: string, cookie: string): Promise<{ status: number; sentMB: number }> {
  const url = new URL(path, e2e.baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', cookie } },
      (response) => {
        answered = true;
        response.resume();
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, sentMB: sent / 2 ** 20 });
        });
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(2 ** 20, 32);
    const write = () => {
      while (!answered && sent < 300 * 2 ** 20) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

test.describe('progress attacks', () => {
  test.describe.configure({ mode: 'serial' });

  test('five lessons played at once by a script do not complete faster than one after the other', async ({ page }) => {
    test.setTimeout(120_000);
    await signUp(page);
    // Every 15 s of (fast-forwarded) server time, claim every whole video at once for 3 minutes.
    const started = serverClockMs();
    for (let tick = 0; tick < 12; tick++) {
      advanceServerClock(15);
      await Promise.all(lessons.map((lesson) => heartbeat(page.request, { course, lesson: lesson.slug, intervals: [[0, lesson.timings.duration]], position: 1 })));
    }
    const watched = await Promise.all(lessons.map(async (lesson) => ((await statusOf(page.request, lesson.slug)).watchedPercent / 100) * lesson.timings.duration));
    const total = watched.reduce((sum, seconds) => sum + seconds, 0);
    // One allowance: 70 s at the start, then 2 s of video per second of server time (which other tests move
    // forward too); per-lesson allowances would have credited five times as much.
    const elapsed = (serverClockMs() - started) / 1000;
    expect(total).toBeLessThanOrEqual(70 + 2 * elapsed + lessons.length);
  });

  test('a flood of heartbeats gets 429 with Retry-After, and fragmented claims store nothing', async ({ page }) => {
    await signUp(page);
    const lesson = lessons[1]!.slug;
    // 100 heartbeats at once, each with 100 spans of 1 ms and 1 ms gaps. Other tests may move the shared server
    // clock into a new minute during the burst, which allows at most one more minute's worth.
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const intervals = Array.from({ length: 100 }, (_, k) => [i * 0.2 + k * 0.002, i * 0.2 + k * 0.002 + 0.001]);
        return heartbeat(page.request, { course, lesson, intervals, position: 1 });
      }),
    );
    const statuses = responses.map((response) => response.status());
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - 2 * 30);
    const refused = responses.find((response) => response.status() === 429)!;
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused.json()).code).toBe('slowDown');
    expect(await statusOf(page.request, lesson)).toMatchObject({ watchedPercent: 0 });
  });

  test('an endless chunked body is refused with 413 after a few kilobytes, signed in', async ({ page }) => {
    await signUp(page);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const answer = await postEndlessBody('/api/progress', cookie);
    expect(answer.status).toBe(413);
    expect(answer.sentMB).toBeLessThan(100);
  });
});
