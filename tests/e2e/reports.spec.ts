import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { course, LessonPage } from './pages/LessonPage';
import { createUser, ReportPages } from './pages/ReportPages';
import { mailLink } from './support/outbox';

const lesson = 'livelli-di-contatto';
const password = 'quiet meadow lighthouse';
let addresses = 0;
const freshAddress = () => `10.${process.pid % 250}.${Date.now() % 250}.${++addresses}`;

const editor = { email: `editor.${Date.now().toString(36)}.${process.pid}@e2e.test`, password: 'careful editor passphrase', role: 'editor' as const, name: 'Edna Editor' };

test.describe('error reports', () => {
  test.beforeAll(() => createUser(editor));

  test('missing, too short and invalid input gets a message next to the field, and the text stays', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    await new LessonPage(page, 'en', lesson).open();
    await reports.fill({ where: 'summary', suggestion: 'A better sentence.', email: 'not-an-email' });
    await reports.submit();
    await expect(reports.fieldError('message')).toHaveText('This field is required.');
    await expect(reports.fieldError('email')).toContainText('Enter a valid email address');
    await expect(page.locator('#report-suggestion')).toHaveValue('A better sentence.');
    await expect(page.locator('#report-email')).toHaveValue('not-an-email');
    await expect(page.locator('#report-where')).toHaveValue('summary');

    await reports.fill({ message: 'Too short', email: '' });
    await reports.submit();
    await expect(reports.fieldError('message')).toHaveText('Describe the problem in at least 10 characters.');
    await expect(page.locator('#report-message')).toHaveValue('Too short');
    await expect(page.locator('#report-message')).toHaveAttribute('aria-invalid', 'true');
    await expect(reports.success()).toHaveCount(0);

    // The same in Italian.
    await new LessonPage(page, 'it', lesson).open();
    await reports.submit();
    await expect(reports.fieldError('message')).toHaveText('Questo campo è obbligatorio.');
  });

  test('works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });
    const page = await context.newPage();
    const reports = new ReportPages(page);
    await page.goto(`/fr/courses/${course}/${lesson}`);
    await reports.fill({ message: 'court' });
    await reports.submit();
    await expect(reports.fieldError('message')).toHaveText('Décrivez le problème en 10 caractères au moins.');
    await expect(page.locator('#report-message')).toHaveValue('court');
    await reports.fill({ where: 'translation', message: 'Une phrase sonne mal dans la traduction.' });
    await reports.submit();
    await expect(reports.success()).toContainText(/Numéro de référence : R-\d{5}/);
    // The answer comes back at the form, not at the top of the page.
    expect(new URL(page.url()).hash).toBe('#report');
    await context.close();
  });

  test('an anonymous report is triaged, its correction applied live and reverted by an editor', async ({ browser }) => {
    // Three people, many pages and a revalidation: slow on a busy 2-core machine.
    test.setTimeout(180_000);
    const visitor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });
    const visitorPage = await visitor.newPage();
    const view = new LessonPage(visitorPage, 'en', lesson);
    await view.open();
    // A paragraph without markup: the editor's box holds the file's markdown, here the same as its words.
    const paragraph = view.paragraphs().nth(2);
    const paragraphId = (await paragraph.getAttribute('data-paragraph'))!;
    const originalText = (await paragraph.locator('p').textContent())!;
    await paragraph.getByRole('button', { name: 'Report an error in this paragraph' }).click();
    await expect(visitorPage.locator('#report-where')).toHaveValue(`paragraph:${paragraphId}`);
    await expect(visitorPage.locator('#report-message')).toBeFocused();
    const corrected = `Corrected by the editors ${Date.now()}: three levels of contact shape every conflict.`;
    const ref = await new ReportPages(visitorPage).send({ message: 'The second sentence is hard to follow.', suggestion: corrected, email: 'reader@example.com' });

    const editorContext = await browser.newContext();
    const page = await editorContext.newPage();
    const reports = new ReportPages(page);
    await new AuthPages(page).login('en', editor.email, editor.password);
    await page.waitForURL(/\/en$/);
    await reports.openQueue('en', `?lesson=${lesson}&where=paragraph&status=new`);
    await expect(reports.row(ref)).toContainText('New');
    await expect(page.getByTestId('status-counts').locator('[data-status=new] [data-count]')).not.toHaveText('0');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await reports.row(ref).getByRole('link', { name: ref, exact: true }).click();
    await expect(page.locator('h1')).toContainText(ref);
    await expect(page.getByTestId('passage')).toHaveText(originalText);
    await expect(page.getByTestId('passage-original')).toBeVisible();
    await expect(page.getByTestId('report-reporter')).toHaveText('Anonymous');
    await expect(page.getByTestId('report-email')).toHaveText('reader@example.com');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await reports.moveTo('Move to “In review”');
    await expect(reports.status()).toHaveText('In review');
    await reports.moveTo('Move to “Rejected”', 'Not sure yet');
    await expect(reports.status()).toHaveText('Rejected');
    await reports.moveTo('Move to “In review”', 'Reopened');
    await expect(reports.status()).toHaveText('In review');
    await reports.moveTo('Move to “Accepted”', 'Clearer indeed');
    await expect(reports.status()).toHaveText('Accepted');
    await expect(page.getByTestId('status-history')).toContainText('Clearer indeed');
    await expect(page.getByTestId('status-history').locator('li')).toHaveCount(5);

    // The box starts from the passage as it reads now; the reader's suggestion is shown, not pasted over it.
    await expect(page.locator('#apply-form-text')).toHaveValue(originalText);
    await expect(page.getByTestId('apply-diff')).toHaveText('No change from the current text.');
    await page.locator('#apply-form-text').fill(corrected);
    await expect(page.getByTestId('apply-diff').locator('del')).not.toHaveCount(0);
    await expect(page.getByTestId('apply-diff').locator('ins')).not.toHaveCount(0);
    await expect(page.getByTestId('apply-diff').locator('ins').first()).toContainText('Corrected');
    // Removals and additions are told apart by more than colour, and each has its own background.
    const looks = await page.getByTestId('apply-diff').evaluate((diff) => {
      const style = (selector: string) => getComputedStyle(diff.querySelector(selector)!);
      const same = getComputedStyle(diff).backgroundColor;
      return { del: [style('del').backgroundColor, style('del').textDecorationLine], ins: [style('ins').backgroundColor, style('ins').textDecorationLine], same };
    });
    expect(looks.del[1]).toBe('line-through');
    expect(looks.ins[1]).toBe('underline');
    expect(new Set([looks.del[0], looks.ins[0], looks.same]).size).toBe(3);
    // Most of the passage goes: nothing is applied until the editor confirms.
    await page.getByTestId('apply-form').getByRole('button', { name: 'Apply correction' }).click();
    await expect(page.getByTestId('apply-form').locator('.notice--error')).toContainText('removes most of the passage');
    await expect(reports.status()).toHaveText('Accepted');
    await expect(page.locator('#apply-form-text')).toHaveValue(corrected);
    await page.getByTestId('confirm-removal').check();
    await page.getByTestId('apply-form').getByRole('button', { name: 'Apply correction' }).click();
    await expect(reports.status()).toHaveText('Applied');
    await expect(page.getByTestId('live-override')).toContainText(corrected);

    await expect(async () => {
      await view.open();
      await expect(view.paragraph(paragraphId).locator('p')).toHaveText(corrected);
    }).toPass({ timeout: 20_000 });
    await expect(async () => {
      const vtt = await (await visitorPage.request.get(`/captions/${course}/${lesson}/en.vtt`)).text();
      expect(vtt).toContain('Corrected by the editors');
    }).toPass({ timeout: 20_000 });

    await page.getByTestId('revert-form').getByRole('button', { name: 'Revert correction' }).click();
    await expect(reports.status()).toHaveText('Accepted');
    await expect(page.getByTestId('passage-history')).toContainText(corrected);
    await expect(page.getByTestId('passage-history')).toContainText('reverted');
    await expect(page.getByTestId('status-history')).toContainText('correction reverted');
    await expect(async () => {
      await view.open();
      await expect(view.paragraph(paragraphId).locator('p')).toHaveText(originalText);
    }).toPass({ timeout: 20_000 });
    await visitor.close();
    await editorContext.close();
  });

  test('a signed-in learner reports, and sees the status on their page; so does an anonymous sender who signs up later', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    const email = uniqueEmail('reporter');
    await new LessonPage(page, 'es', lesson).open();
    const anonymousRef = await reports.send({ where: 'video', message: 'El vídeo se corta en este punto.', email });

    await new AuthPages(page).register('es', { name: 'Lucía', email, password });
    await page.waitForURL(/\/es$/);
    await new LessonPage(page, 'es', lesson).open();
    const signedInRef = await reports.send({ where: 'summary', message: 'Falta una palabra en el resumen.' });

    // Until the address is confirmed, a report sent anonymously with it is not shown (anyone can type an address).
    await page.goto('/es/me');
    const mine = page.getByTestId('my-reports');
    await expect(mine.locator('tr', { hasText: signedInRef })).toContainText('Nuevo');
    await expect(mine.locator('tr', { hasText: anonymousRef })).toHaveCount(0);
    await page.goto((await mailLink(email, 'verify-email')).path);
    await page.getByRole('button', { name: 'Confirmar la dirección' }).click();
    await expect(page.locator('main .notice--success')).toBeVisible();

    await page.goto('/es/me');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await expect(mine.locator('tr', { hasText: anonymousRef })).toContainText('Nuevo');
    await expect(mine.locator('tr', { hasText: signedInRef })).toContainText('Nuevo');
  });

  test('the video option takes the player’s current time', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await view.video().evaluate((v: HTMLVideoElement) => (v.currentTime = 7.4));
    await reports.fill({ where: 'video' });
    await expect(page.locator('#report-where option[value=video]')).toHaveText('The video, at 0:07');
    const ref = await reports.send({ message: 'The narration and the slide do not match here.' });
    await new AuthPages(page).login('en', editor.email, editor.password);
    await page.waitForURL(/\/en$/);
    await reports.openReport('en', ref);
    await expect(page.locator('.report-detail')).toContainText('0:07');
  });

  test('stored text is shown as text everywhere, never run', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'>`;
    await new LessonPage(page, 'en', lesson).open();
    const ref = await reports.send({ where: 'translation', message: `${payload} message`, suggestion: `${payload} suggestion`, email: 'xss@example.com' });
    await new AuthPages(page).login('en', editor.email, editor.password);
    await page.waitForURL(/\/en$/);
    await reports.openQueue('en');
    await expect(reports.row(ref)).toContainText(`${payload} message`);
    await reports.openReport('en', ref);
    await expect(page.getByTestId('report-message')).toHaveText(`${payload} message`);
    await expect(page.getByTestId('report-suggestion')).toHaveText(`${payload} suggestion`);
    await expect(page.locator('.report-detail img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('the per-browser limit stops a flood with a clear message, keeping the text', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    await new LessonPage(page, 'en', lesson).open();
    for (let i = 1; i <= 5; i++) await reports.send({ where: 'summary', message: `Flood report number ${i}.` });
    await reports.fill({ where: 'summary', message: 'One report too many.' });
    await reports.submit();
    await expect(reports.error()).toHaveText('You have sent many reports in a short time. Try again in 15 minutes.');
    await expect(page.locator('#report-message')).toHaveValue('One report too many.');
  });

  test('where: nothing chosen, the translation only on translations, paragraphs by time and first words', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    const view = new LessonPage(page, 'it', lesson);
    await view.open();
    const where = page.locator('#report-where');
    await expect(where).toHaveValue('');
    await expect(where.locator('option[value=translation]')).toHaveCount(0);
    const firstParagraph = view.paragraphs().first();
    const time = (await firstParagraph.locator('.transcript__time, time').first().textContent())?.trim();
    const words = ((await firstParagraph.locator('p').textContent()) ?? '').trim().split(/\s+/).slice(0, 3).join(' ');
    const option = where.locator('optgroup').first().locator('option').first();
    await expect(option).toHaveText(new RegExp(`^${time ?? '\\d+:\\d\\d'} — ${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Sent without choosing: refused next to the field.
    await reports.fill({ message: 'Nella seconda frase manca una parola.' });
    await reports.submit();
    await expect(reports.fieldError('where')).toBeVisible();
    await expect(page.locator('#report-message')).toHaveValue('Nella seconda frase manca una parola.');

    await new LessonPage(page, 'en', lesson).open();
    await expect(page.locator('#report-where option[value=translation]')).toHaveCount(1);
  });

  test('after sending, the thanks takes the focus; a live counter and a refusal over 2,000 characters', async ({ page }) => {
    const reports = new ReportPages(page);
    await reports.useAddress(freshAddress());
    await new LessonPage(page, 'en', lesson).open();
    await reports.fill({ where: 'summary', message: 'Short but fine text.' });
    await expect(page.getByTestId('report-message-count')).toHaveText('20 of 2,000 characters');
    const long = 'word '.repeat(420).trim();
    await reports.fill({ message: long });
    await expect(page.getByTestId('report-message-count')).toHaveText(`${long.length.toLocaleString('en')} of 2,000 characters: too long, shorten it before sending`);
    await reports.submit();
    await expect(reports.fieldError('message')).toHaveText('The text is too long: at most 2,000 characters. Shorten it and send again.');
    await expect(page.locator('#report-message')).toHaveValue(long);
    await expect(reports.success()).toHaveCount(0);

    await reports.send({ message: 'The summary misses the third level.' });
    await expect(page.getByTestId('report-notice')).toBeFocused();
    await expect(page.getByTestId('report-notice')).toBeInViewport();
    await expect(page.getByTestId('report-message-count')).toHaveText('0 of 2,000 characters');
  });

  test('signed in, the form asks for no e-mail', async ({ page }) => {
    await new LessonPage(page, 'en', lesson).open();
    await expect(page.locator('#report-email')).toBeVisible();
    // The root layout's session hint (set by the head script when the hint cookie says someone is signed in).
    await page.evaluate(() => (document.documentElement.dataset.session = '1'));
    await expect(page.locator('#report-email')).toBeHidden();
    await expect(page.locator('#report')).toContainText('You are signed in');
  });

  test('the queue is for editors: anonymous visitors sign in first, learners get 403', async ({ page }) => {
    await page.goto('/en/editor');
    await expect(page).toHaveURL(/\/en\/login\?next=%2Fen%2Feditor$/);
    await page.goto('/it/me');
    await expect(page).toHaveURL(/\/it\/login\?next=%2Fit%2Fme$/);

    await new AuthPages(page).register('it', { name: 'Luca', email: uniqueEmail('learner'), password });
    await page.waitForURL(/\/it$/);
    const response = await page.goto('/it/editor');
    expect(response?.status()).toBe(403);
    await expect(page.locator('h1')).toHaveText('Accesso negato');
  });
});

test('the report form works on a phone @phone', async ({ page }) => {
  const reports = new ReportPages(page);
  await reports.useAddress(freshAddress());
  await new LessonPage(page, 'it', lesson).open();
  await reports.submit();
  await expect(reports.fieldError('message')).toHaveText('Questo campo è obbligatorio.');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect((await new AxeBuilder({ page }).include('#report').analyze()).violations).toEqual([]);
});
