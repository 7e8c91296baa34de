import { expect, test } from '@playwright/test';

test.describe('languages', () => {
  test('/ redirects by cookie, then Accept-Language, then Italian', async ({ request }) => {
    const go = (headers: Record<string, string>) => request.get('/', { headers, maxRedirects: 0 });
    expect((await go({ 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' })).headers().location).toMatch(/\/fr$/);
    expect((await go({ 'Accept-Language': 'de-DE' })).headers().location).toMatch(/\/it$/);
    expect((await go({ 'Accept-Language': 'fr', Cookie: 'NEXT_LOCALE=zh' })).headers().location).toMatch(/\/zh$/);
  });

  test('switching language keeps the page, sets <html lang> and is remembered', async ({ page, request }) => {
    await page.goto('/it/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await page.locator('header details.menu summary').first().click();
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');

    await page.locator('header details.menu summary').first().click();
    await page.getByRole('link', { name: '中文' }).click();
    await expect(page).toHaveURL(/\/zh\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'NEXT_LOCALE');
    expect(cookie?.value).toBe('zh');
    void request;
  });

  test('every page links its alternates (hreflang) and a canonical', async ({ page }) => {
    await page.goto('/es');
    for (const tag of ['it', 'en', 'es', 'fr', 'zh-Hans', 'x-default']) {
      await expect(page.locator(`link[rel=alternate][hreflang="${tag}"]`)).toHaveCount(1);
    }
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/es$/);
  });

  test('all five catalogs render in their language', async ({ page }) => {
    const titles = { it: 'Catalogo dei corsi', en: 'Course catalog', es: 'Catálogo de cursos', fr: 'Catalogue des cours', zh: '课程目录' };
    for (const [locale, title] of Object.entries(titles)) {
      await page.goto(`/${locale}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.course-card')).toHaveCount(1);
    }
  });
});

test.describe('errors and health', () => {
  test('an unknown page gets a localized 404', async ({ page }) => {
    const response = await page.goto('/fr/nulle-part');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const unknownLocale = await page.goto('/xx/anything');
    expect(unknownLocale?.status()).toBe(404);
  });

  test('/api/health checks the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('security headers are on pages, APIs, static files and refusals', async ({ request }) => {
    const lesson = '/it/courses/risoluzione-dei-conflitti/livelli-di-contatto';
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get(lesson)).text())?.[1];
    expect(script).toBeTruthy();
    for (const url of ['/it', lesson, '/api/health', '/it/login', '/it/no-such-page', script!]) {
      const headers = (await request.get(url)).headers();
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).toContain("img-src 'self' data: blob:");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['permissions-policy'], url).toContain('camera=()');
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
    // Refused by our server before Next: a method a page does not serve.
    const refused = await request.fetch('/it', { method: 'DELETE' });
    expect(refused.status()).toBe(405);
    expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('the catalog is prerendered (served from the static cache)', async ({ request }) => {
    const headers = (await request.get('/en')).headers();
    expect(headers['x-nextjs-cache'] ?? headers['x-nextjs-prerender']).toBeTruthy();
  });

  test('a cache in front may keep a prerendered page for seconds, not a year; personal answers never', async ({ request }) => {
    const lesson = (await request.get('/en/courses/risoluzione-dei-conflitti/livelli-di-contatto')).headers();
    expect(lesson['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect((await request.get('/en')).headers()['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect((await request.get('/api/me')).headers()['cache-control']).toContain('no-store');
  });
});
