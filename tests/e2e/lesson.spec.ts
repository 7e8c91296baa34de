import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { course, LessonPage } from './pages/LessonPage';
import { lessonOf, lessons } from './support/content';

const locales = ['it', 'en', 'es', 'fr', 'zh'] as const;

test.describe('the lesson page', () => {
  for (const locale of locales) {
    test(`renders in ${locale} with its transcript, summary, quiz and captions`, async ({ page }) => {
      const lesson = lessons[0]!;
      const text = lesson.texts[locale]!;
      const view = new LessonPage(page, locale, lesson.slug);
      await view.open();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-Hans' : locale);
      await expect(view.paragraphs()).toHaveCount(text.paragraphs.length);
      await expect(view.paragraphs().first()).toContainText(text.paragraphs[0]!.text);
      await expect(page.locator('.takeaways li')).toHaveCount(text.takeaways.length);
      await expect(page.locator('[data-question]')).toHaveCount(text.quiz.length);
      await expect(page.locator('.lesson-nav__list li')).toHaveCount(lessons.length);
      const tracks = view.video().locator('track[kind=captions]');
      await expect(tracks).toHaveCount(5);
      await expect(view.video().locator('track[default]')).toHaveAttribute('srclang', locale === 'zh' ? 'zh-Hans' : locale);
    });
  }

  test('anonymous visitors see the sign-in notice with links that come back here', async ({ page }) => {
    const view = new LessonPage(page, 'it', 'tipi-di-cliente');
    await view.open();
    const notice = page.getByTestId('anon-notice');
    await expect(notice).toContainText('Accedi per registrare i tuoi progressi');
    await expect(notice).toContainText('i tuoi progressi nel corso non aumenteranno');
    await expect(notice.getByRole('link', { name: 'Accedi' })).toHaveAttribute('href', `/it/login?next=${encodeURIComponent(view.path)}`);
    await expect(notice.getByRole('link', { name: 'Registrati' })).toHaveAttribute('href', `/it/register?next=${encodeURIComponent(view.path)}`);
  });

  test('captions exist for every locale, one cue group per paragraph, timed on the narration', async ({ request }) => {
    for (const lesson of lessons) {
      for (const locale of locales) {
        const response = await request.get(`/captions/${course}/${lesson.slug}/${locale}.vtt`);
        expect(response.status(), `${lesson.slug} ${locale}`).toBe(200);
        expect(response.headers()['content-type']).toContain('text/vtt');
        const vtt = await response.text();
        expect(vtt.startsWith('WEBVTT')).toBe(true);
        for (const paragraph of lesson.timings.paragraphs) expect(vtt).toContain(`\n${paragraph.id}-1\n`);
      }
    }
  });

  test('the video plays with captions showing in the page’s language', async ({ page }) => {
    const view = new LessonPage(page, 'fr', 'livelli-di-contatto');
    await view.open();
    await view.playFrom(30);
    await expect.poll(() => view.currentTime()).toBeGreaterThan(30.5);
    const showing = await view.video().evaluate((v: HTMLVideoElement) =>
      [...v.textTracks].filter((t) => t.mode === 'showing').map((t) => [t.language, t.activeCues?.length ?? 0]),
    );
    expect(showing).toEqual([['fr', 1]]);
  });

  test('clicking a transcript paragraph moves the video there; Enter on its link too', async ({ page }) => {
    const lesson = lessonOf('orientamenti-del-cliente');
    const view = new LessonPage(page, 'en', lesson.slug);
    await view.open();
    const target = lesson.timings.paragraphs[5]!;
    await view.paragraph(target.id).locator('p').click();
    await expect.poll(() => view.currentTime()).toBeCloseTo(target.start, 0);
    await expect(view.paragraph(target.id)).toHaveAttribute('aria-current', 'true');
    await expect(page).toHaveURL(new RegExp(`#${target.id}$`));

    const other = lesson.timings.paragraphs[9]!;
    await view.paragraph(other.id).locator('a').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => view.currentTime()).toBeCloseTo(other.start, 0);
  });

  test('playing highlights the paragraph being spoken', async ({ page }) => {
    const lesson = lessonOf('livelli-di-contatto');
    const view = new LessonPage(page, 'es', lesson.slug);
    await view.open();
    const target = lesson.timings.paragraphs[3]!;
    await view.playFrom(target.start + 1);
    await expect(view.paragraph(target.id)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('li[aria-current="true"]')).toHaveCount(1);
  });

  test('a #paragraph link opens the lesson at that paragraph with the video there', async ({ page }) => {
    const lesson = lessonOf('tipi-di-cliente');
    const target = lesson.timings.paragraphs[7]!;
    const view = new LessonPage(page, 'zh', lesson.slug);
    await view.open(`#${target.id}`);
    await expect.poll(() => view.currentTime()).toBeCloseTo(target.start, 0);
    await expect(view.paragraph(target.id)).toHaveAttribute('aria-current', 'true');
    await expect(view.paragraph(target.id)).toBeInViewport();
  });

  // Taking the quiz (feedback, attempt limits, posts made by hand): tests/e2e/quiz.spec.ts.

  test('the page never contains the answer key or the explanations', async ({ request }) => {
    for (const lesson of lessons) {
      const html = await (await request.get(`/en/courses/${course}/${lesson.slug}`)).text();
      expect(html).not.toContain('"answer"');
      for (const question of lesson.texts.en!.quiz) expect(html).not.toContain(question.explanation.slice(0, 60));
    }
  });

  test('the transcript downloads as text', async ({ request }) => {
    const response = await request.get(`/transcripts/${course}/livelli-di-contatto/en.txt`);
    expect(response.headers()['content-disposition']).toContain('attachment');
    expect(await response.text()).toContain(lessonOf('livelli-di-contatto').texts.en!.paragraphs[0]!.text);
  });

  test('lesson and course pages are prerendered and readable without JavaScript', async ({ browser, request }) => {
    const headers = (await request.get(`/it/courses/${course}/livelli-di-contatto`)).headers();
    expect(headers['x-nextjs-cache'] ?? headers['x-nextjs-prerender']).toBeTruthy();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/en/courses/${course}/livelli-di-contatto`);
    await expect(page.locator('video track')).toHaveCount(5);
    await expect(page.locator('[data-paragraph]')).toHaveCount(lessonOf('livelli-di-contatto').texts.en!.paragraphs.length);
    await expect(page.locator('.takeaways li').first()).toBeVisible();
    await context.close();
  });

  test('the course overview lists the lessons in order with durations', async ({ page }) => {
    await page.goto(`/en/courses/${course}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resolving Customer Conflicts');
    await expect(page.locator('.lesson-list__item')).toHaveCount(5);
    await expect(page.locator('.lesson-list__item h3')).toHaveText(lessons.map((l) => l.texts.en!.title));
    await expect(page.locator('.lesson-list__duration').first()).toHaveText(/\d+ min/);
  });

  test('metadata: canonical, hreflang, Open Graph image, sitemap and robots', async ({ page, request }) => {
    await page.goto(`/fr/courses/${course}/tipi-di-cliente`);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/fr\/courses\/risoluzione-dei-conflitti\/tipi-di-cliente$/);
    await expect(page.locator('link[rel=alternate][hreflang="zh-Hans"]')).toHaveAttribute('href', /\/zh\/courses\//);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /poster\.jpg/);
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/it/courses/risoluzione-dei-conflitti/tipi-di-cliente');
    expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap:');
  });
});

test.describe('accessibility @phone', () => {
  for (const path of [`/it/courses/${course}/classificazione-del-cliente`, `/zh/courses/${course}/clienti-problematici-online`, `/en/courses/${course}`, '/es', '/fr/login', '/en/register']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the lesson page works on a phone: no sideways scrolling, video above the transcript', async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'phone layout only');
    await page.goto(`/en/courses/${course}/livelli-di-contatto`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const video = await page.getByTestId('lesson-video').boundingBox();
    const transcript = await page.getByTestId('transcript').boundingBox();
    expect(video!.y + video!.height).toBeLessThanOrEqual(transcript!.y);
  });
});
