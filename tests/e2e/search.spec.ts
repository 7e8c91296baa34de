import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import en from '../../messages/en.json';
import it from '../../messages/it.json';
import zh from '../../messages/zh.json';
import { LessonPage } from './pages/LessonPage';
import { SearchPage } from './pages/SearchPage';
import { lessonOf } from './support/content';

const messages = { it, en, zh };
type Locale = keyof typeof messages;
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

test.describe('search from the header to the paragraph', () => {
  const cases: { locale: Locale; query: string }[] = [
    { locale: 'it', query: 'abbonati' },
    { locale: 'en', query: 'subscribers' },
    { locale: 'zh', query: '订阅' },
  ];
  for (const { locale, query } of cases) {
    test(`${locale}: "${query}" leads to the paragraph in the lesson on subscribers`, async ({ page }) => {
      const lesson = lessonOf('classificazione-del-cliente');
      await page.goto(`/${locale}/courses/risoluzione-dei-conflitti/tipi-di-cliente`);
      const search = new SearchPage(page, locale);
      await search.searchFromHeader(query);
      await expect(page).toHaveURL(new RegExp(`/${locale}/search\\?q=${encodeURIComponent(query)}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages[locale].search.title);
      await expect(search.pageBox()).toHaveValue(query);

      const result = search.paragraphResult(lesson.slug);
      await expect(result).toBeVisible();
      await search.expectHighlighted(result);
      const link = result.getByRole('link');
      const href = (await link.getAttribute('href'))!;
      const paragraphId = href.split('#')[1]!;
      expect(href).toBe(`/${locale}/courses/risoluzione-dei-conflitti/${lesson.slug}#${paragraphId}`);
      const paragraphText = lesson.texts[locale]!.paragraphs.find((p) => p.id === paragraphId)!.text;
      expect(paragraphText.toLowerCase()).toContain((await result.locator('mark').first().textContent())!.toLowerCase());

      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${lesson.slug}#${paragraphId}$`));
      const view = new LessonPage(page, locale, lesson.slug);
      await expect(view.paragraph(paragraphId)).toHaveAttribute('aria-current', 'true');
      const start = lesson.timings.paragraphs.find((p) => p.id === paragraphId)!.start;
      await expect.poll(() => view.currentTime()).toBeCloseTo(start, 0);
    });
  }

  test('results in other languages come after, marked with their language', async ({ page }) => {
    const search = new SearchPage(page, 'it');
    expect(await search.open('订阅用户')).toBe(200);
    await expect(search.resultsIn('it')).toHaveCount(0);
    await expect(search.otherLanguages().getByRole('heading', { level: 2 })).toHaveText(it.search.otherLanguages);
    const first = search.resultsIn('zh').first();
    await expect(first).toContainText(it.search.inLanguage.zh);
    await expect(first.locator('.search-result__text')).toHaveAttribute('lang', 'zh-Hans');
    await expect(first.getByRole('link')).toHaveAttribute('href', /^\/zh\/courses\//);
  });

  test('titles rank first; summaries and quizzes link to their sections', async ({ page }) => {
    const search = new SearchPage(page, 'en');
    await search.open('classifying customers');
    await expect(search.results().first()).toHaveAttribute('data-kind', 'title');
    await search.open('subscriber');
    await expect(search.page.locator('[data-kind="summary"] a').first()).toHaveAttribute('href', /#summary-title$/);
    await expect(search.page.locator('[data-kind="quiz"] a').first()).toHaveAttribute('href', /#quiz-title$/);
  });

  test('accents and case do not matter', async ({ page }) => {
    const search = new SearchPage(page, 'it');
    await search.open('QUALITA');
    await expect(search.results().first().locator('mark').first()).toHaveText(/qualità/i);
  });
});

test.describe('queries that find nothing or are not words', () => {
  for (const locale of ['it', 'en', 'zh'] as const) {
    const m = messages[locale].search;
    test(`${locale}: empty, no-result, too long and syntax queries get clear pages`, async ({ page }) => {
      const search = new SearchPage(page, locale);
      for (const query of [undefined, '', '   ']) {
        expect(await search.open(query)).toBe(200);
        await expect(search.notice()).toContainText(m.empty);
      }
      expect(await search.open('zzqxwvk')).toBe(200);
      await expect(search.notice()).toContainText(fill(m.noResults, { query: 'zzqxwvk' }));

      const long = 'cliente '.repeat(40);
      expect(await search.open(long)).toBe(200);
      await expect(search.notice()).toContainText(fill(m.tooLong, { max: 200 }));
      await expect(search.pageBox()).toHaveValue(long);

      expect(await search.open('"*^()')).toBe(200);
      await expect(search.notice()).toContainText(m.noTerms);

      for (const query of ['"', 'abbonat*', 'NEAR(', 'NEAR(cliente servizio)', 'cliente OR servizio', 'cliente AND NOT prezzo', '-cliente', '^cliente', "'; drop table users; --", '%', '订']) {
        expect(await search.open(query), query).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.title);
        const clear = (await search.results().count()) > 0 || (await search.notice().count()) > 0;
        expect(clear, query).toBe(true);
      }
    });
  }

  test('typed markup is shown as text, never run', async ({ page }) => {
    const search = new SearchPage(page, 'en');
    const query = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
    let dialog = false;
    page.on('dialog', () => (dialog = true));
    expect(await search.open(query)).toBe(200);
    await expect(search.pageBox()).toHaveValue(query);
    await expect(page.locator('main img, main script')).toHaveCount(0);
    expect(dialog).toBe(false);
  });

  test('search pages are not indexed', async ({ page }) => {
    await new SearchPage(page, 'en').open('subscribers');
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header box leads to results', async ({ page }) => {
    await page.goto('/en');
    const search = new SearchPage(page, 'en');
    await search.searchFromHeader('subscribers');
    await expect(search.results().first()).toBeVisible();
  });
});

test.describe('search accessibility @phone', () => {
  for (const path of ['/it/search?q=abbonati', '/zh/search?q=%E8%AE%A2%E9%98%85', '/it/search?q=%E8%AE%A2%E9%98%85%E7%94%A8%E6%88%B7', '/en/search', '/en/search?q=zzqxwvk']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('results read on a phone without sideways scrolling', async ({ page }) => {
    await page.goto('/es/search?q=suscriptores');
    await expect(page.getByTestId('search-result').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
