import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// Measured, not timed: bytes of JavaScript the browser transfers for a lesson page.
// Next 16 + React 19's own runtime is 132.5 kB of it (measured chunk by chunk: React DOM
// 70.1, the App Router 58, Turbopack's loader 4.3), our islands about 9.5 kB: the player,
// transcript, quiz, report form (with its counter), the signed-in hint and the progress
// panel's placeholder. Measured 142.0 kB once the transcript travelled once (its fallback
// fetch is 146 B); half a kilobyte of room, so a real addition still fails here. The
// performance issue aims at 130 kB, below what the framework alone weighs.
const budgetKb = 142.5;

test(`the lesson page’s JavaScript stays within budget (≤ ${budgetKb} kB compressed)`, async ({ page }) => {
  const scripts: { url: string; bytes: number }[] = [];
  page.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'script') return;
    const sizes = await request.sizes();
    scripts.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize });
  });
  await page.goto('/it/courses/risoluzione-dei-conflitti/livelli-di-contatto');
  await page.waitForLoadState('networkidle');
  const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/js-budget.json', JSON.stringify({ totalBytes: total, scripts }, null, 2));
  console.log(`lesson page JavaScript: ${(total / 1024).toFixed(1)} kB transferred in ${scripts.length} files`);
  expect(total).toBeLessThanOrEqual(budgetKb * 1024);
});

// The video's poster is the lesson page's largest paint (Lighthouse, mobile): the page
// preloads the very file the player shows, and that file is small (WebP, ~10–17 kB).
const posterBudgetKb = 20;

test(`the lesson page preloads the poster it shows, ≤ ${posterBudgetKb} kB`, async ({ page }) => {
  await page.goto('/it/courses/risoluzione-dei-conflitti/clienti-problematici-online');
  const poster = await page.getByTestId('lesson-video').getAttribute('poster');
  expect(poster).toMatch(/poster\.webp/);
  const preload = page.locator('link[rel="preload"][as="image"]');
  await expect(preload).toHaveCount(1);
  expect(await preload.getAttribute('href')).toBe(poster);
  const response = await page.request.get(poster!);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect((await response.body()).length).toBeLessThanOrEqual(posterBudgetKb * 1024);
});

/** The RSC payload inlined in a page: the text of its `self.__next_f.push([1, "…"])` chunks. */
function flightText(html: string): string {
  return Array.from(html.matchAll(/<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs), (match) => JSON.parse(match[1]!) as [number, string?])
    .filter(([kind]) => kind === 1)
    .map(([, text]) => text ?? '')
    .join('');
}

/** HTML text as read: the entities React writes decoded. */
const decoded = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Words as the payload writes them: inside JSON strings. */
const asJson = (words: string) => JSON.stringify(words).slice(1, -1);

test('the transcript’s words travel once: in the HTML, not again in the RSC payload', async ({ page }) => {
  const response = await page.request.get('/it/courses/risoluzione-dei-conflitti/classificazione-del-cliente');
  const body = await response.text();
  const html = decoded(body);
  const flight = flightText(body);
  expect(flight.length).toBeGreaterThan(1000);
  // The summary (a server component outside the island) is in the payload: the check can see words there.
  await page.goto('/it/courses/risoluzione-dei-conflitti/classificazione-del-cliente');
  const summary = (await page.locator('#summary-title + *').textContent())!.trim().slice(0, 60);
  expect(flight).toContain(asJson(summary));
  const paragraphs = await page.getByTestId('transcript').locator('.transcript__text').allTextContents();
  expect(paragraphs.length).toBeGreaterThan(5);
  for (const text of paragraphs) {
    const words = text.trim().slice(0, 60);
    expect(html).toContain(words);
    expect(flight).not.toContain(asJson(words));
  }
});
