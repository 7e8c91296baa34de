import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AuthPages } from './pages/AuthPages';
import { course, LessonPage } from './pages/LessonPage';
import { createUser, ReportPages } from './pages/ReportPages';

// Lessons are MDX rendered by Next: emphasis, links to other lessons and
// example blocks in every locale; an editor's correction keeps its markdown.

const editor = { email: `mdx.editor.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'careful editor passphrase', role: 'editor' as const, name: 'Mina Markdown' };
const address = () => `10.${(process.pid % 200) + 1}.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;

test.describe('lessons in MDX', () => {
  for (const [locale, term, linkText] of [
    ['it', 'no touch', 'tipo di cliente'],
    ['zh', '无接触', '客户类型'],
  ] as const) {
    test(`emphasis, a link to another lesson and an example block render in ${locale}`, async ({ page }) => {
      const lesson = new LessonPage(page, locale, 'livelli-di-contatto');
      await lesson.open();
      await expect(lesson.paragraph('tre-livelli').locator('em, strong').filter({ hasText: term })).toHaveCount(1);
      const link = lesson.paragraph('livello-non-e-tipo').getByRole('link', { name: linkText });
      await expect(link).toHaveAttribute('href', `/${locale}/courses/${course}/classificazione-del-cliente`);
      // A link in the text is followed, not taken for a click that seeks the video.
      await link.click();
      await page.waitForURL(`**/${locale}/courses/${course}/classificazione-del-cliente`);
      await expect(page.locator('h1')).toBeVisible();

      const five = new LessonPage(page, locale, 'clienti-problematici-online');
      await five.open();
      const example = five.paragraph('caso-consegna-mancata').locator('aside[data-block="example"]');
      await expect(example).toBeVisible();
      await expect(example.locator('.block__title')).not.toBeEmpty();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      // Clicking the example's text seeks to its paragraph, as any paragraph does.
      await example.locator('p').last().click();
      await expect(five.paragraph('caso-consegna-mancata')).toHaveAttribute('aria-current', 'true');
    });
  }
});

test.describe('an editor correction in markdown', () => {
  test.beforeAll(() => createUser(editor));

  test('shows live with its emphasis, in captions as plain words; HTML and javascript: links are refused', async ({ browser }) => {
    test.setTimeout(180_000);
    const visitor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
    const visitorPage = await visitor.newPage();
    const view = new LessonPage(visitorPage, 'en', 'orientamenti-del-cliente');
    await view.open();
    const paragraphId = 'vantaggi';
    await view.paragraph(paragraphId).getByRole('button', { name: 'Report an error in this paragraph' }).click();
    const ref = await new ReportPages(visitorPage).send({ message: 'This paragraph could stress the key word.' });

    const editorContext = await browser.newContext();
    const page = await editorContext.newPage();
    const reports = new ReportPages(page);
    await new AuthPages(page).login('en', editor.email, editor.password);
    await page.waitForURL(/\/en$/);
    await reports.openReport('en', ref);
    await reports.moveTo('Move to “In review”');
    await expect(reports.status()).toHaveText('In review');
    await reports.moveTo('Move to “Accepted”');
    await expect(reports.status()).toHaveText('Accepted');

    const original = await page.locator('#apply-form-text').inputValue();
    const apply = page.getByTestId('apply-form').getByRole('button', { name: 'Apply correction' });
    for (const [bad, message] of [
      [`${original} <img src=x onerror=alert(1)>`, 'no HTML, components, code or curly braces'],
      [`${original} [Read more](javascript:alert(1))`, '“javascript:” and other schemes are not allowed'],
    ] as const) {
      await page.locator('#apply-form-text').fill(bad);
      await apply.click();
      await expect(page.locator('#apply-form-text-error')).toContainText(message);
      await expect(page.locator('#apply-form-text')).toHaveValue(bad);
      await expect(reports.status()).toHaveText('Accepted');
    }

    const stamp = Date.now();
    const corrected = `Adapting the service **really pays** (${stamp}), as [the lesson on levels](../livelli-di-contatto) shows.`;
    await page.locator('#apply-form-text').fill(corrected);
    // The correction replaces most of the words: the editor confirms that.
    if (await page.getByTestId('confirm-removal').count()) await page.getByTestId('confirm-removal').check();
    await apply.click();
    await expect(reports.status()).toHaveText('Applied');

    await expect(async () => {
      await view.open();
      const text = view.paragraph(paragraphId).locator('.transcript__text');
      await expect(text.locator('strong')).toHaveText('really pays');
      await expect(text.getByRole('link', { name: 'the lesson on levels' })).toHaveAttribute('href', `/en/courses/${course}/livelli-di-contatto`);
      await expect(text).toHaveText(`Adapting the service really pays (${stamp}), as the lesson on levels shows.`);
    }).toPass({ timeout: 30_000 });
    await expect(async () => {
      const vtt = await (await visitorPage.request.get(`/captions/${course}/orientamenti-del-cliente/en.vtt`)).text();
      expect(vtt).toContain(`Adapting the service really pays (${stamp}), as the lesson on levels shows.`);
      expect(vtt).not.toContain('**');
    }).toPass({ timeout: 30_000 });

    await page.getByTestId('revert-form').getByRole('button', { name: 'Revert correction' }).click();
    await expect(reports.status()).toHaveText('Accepted');
    await visitor.close();
    await editorContext.close();
  });
});

test.describe('help and privacy pages', () => {
  for (const locale of ['it', 'fr'] as const) {
    test(`are linked from the footer and readable in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await page.locator('footer').getByRole('link').first().click();
      await page.waitForURL(`**/${locale}/help`);
      await expect(page.locator('h2')).toHaveCount(4);
      await expect(page.locator('main')).toContainText(/90\s?%/);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.locator('main').getByRole('link').first().click();
      await page.waitForURL(`**/${locale}/privacy`);
      await expect(page.locator('h1')).toBeVisible();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});
