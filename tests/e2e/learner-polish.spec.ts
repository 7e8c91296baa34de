import { expect, test, type Page } from '@playwright/test';
import { AdminPages } from './pages/AdminPages';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { course, LessonPage } from './pages/LessonPage';
import { advanceServerClock } from './support/clock';
import { lessonOf, lessons } from './support/content';

// Issue 13, the learner's share: the layout in both colour schemes and on a phone, the signed-in
// state before the islands answer, what remains to complete the course, the player's keys and
// speed, and what shows without JavaScript.

// Signing up checks a password on purpose slowly: on a busy 2-core machine a test with a sign-up needs more than a minute.
test.describe.configure({ timeout: 180_000 });

const phone = { width: 390, height: 844 };
const schemes = ['light', 'dark'] as const;
const lesson = 'livelli-di-contatto';
const password = 'steady progress words';

async function signUp(page: Page, name = 'Polly Learner') {
  await new AuthPages(page).register('en', { name, email: uniqueEmail('polish'), password });
  await new AuthPages(page).expectSignedInAs(name);
}

/** How far the page is wider than its window (0: no sideways scrolling). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Watches the layout shifts of the page's lifetime (CLS without the input exclusion, which no test triggers). */
async function trackLayoutShift(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test.describe('styles in both colour schemes (the unclosed @media block must not come back)', () => {
  for (const colorScheme of schemes) {
    test(`lesson page, ${colorScheme}: honeypot hidden, ⚑ styled, no sideways scrolling on a phone`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme, viewport: phone });
      const page = await context.newPage();
      await new LessonPage(page, 'it', lesson).open();
      const honeypot = page.locator('#report-website');
      expect(await honeypot.evaluate((input) => input.closest('.hp')!.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
      await expect(page.getByText('Lascia vuoto questo campo')).not.toBeInViewport();
      const flag = page.locator('.transcript__report').first();
      const style = await flag.evaluate((button) => {
        const css = getComputedStyle(button);
        return { background: css.backgroundColor, border: css.borderTopWidth };
      });
      expect(style).toEqual({ background: 'rgba(0, 0, 0, 0)', border: '0px' });
      expect(await overflow(page)).toBe(0);
      await context.close();
    });

    test(`editor queue and admin pages, ${colorScheme}: chips and tabs in a row, coloured funnel, no sideways scrolling at 390 px`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ colorScheme, viewport: phone });
      const page = await context.newPage();
      await new AdminPages(page).signInAsAdmin('it');

      await page.goto('/it/editor');
      const chips = page.getByTestId('status-counts');
      expect(await chips.evaluate((list) => ({ display: getComputedStyle(list).display, marker: getComputedStyle(list.querySelector('li')!).listStyleType }))).toEqual({ display: 'flex', marker: 'none' });
      expect(await overflow(page)).toBe(0);

      await page.goto('/it/admin');
      const tabs = page.locator('.admin-nav ul');
      expect(await tabs.evaluate((list) => getComputedStyle(list).display)).toBe('flex');
      const tops = await tabs.locator('li').evaluateAll((items) => items.slice(0, 2).map((item) => item.getBoundingClientRect().top));
      expect(tops[0]).toBe(tops[1]);
      const fills = await page.locator('[class*="funnel__bar--"]').evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar).fill));
      expect(fills.length).toBeGreaterThan(0);
      for (const fill of fills) expect(fill).not.toBe('rgb(0, 0, 0)');
      expect(await overflow(page)).toBe(0);

      for (const path of ['/it/admin/learners', '/it/admin/users', '/it/me']) {
        await page.goto(path);
        expect(await overflow(page), path).toBe(0);
      }
      // /me on a phone: each lesson a small card whose cells name their column, the status included, none hidden off to the side.
      const cells = page.locator('[data-testid^="me-course-"] tbody tr').first().locator('td');
      const labels = await cells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
      expect(labels).toEqual(['"Video guardato: "', '"Miglior quiz: "', '"Stato: "']);
      const status = await cells.last().boundingBox();
      expect(status!.x + status!.width).toBeLessThanOrEqual(phone.width);
      await context.close();
    });
  }
});

test.describe('a signed-in learner before the islands answer', () => {
  test('a visitor makes no /api/me or /api/progress call and logs no error', async ({ page }) => {
    const calls: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/(me|progress)/.test(request.url())) calls.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await new LessonPage(page, 'en', lesson).open();
    await page.goto(`/en/courses/${course}`);
    await page.goto('/en');
    await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
    expect(calls).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the header and the panel keep their place while /api/me and /api/progress are slow (CLS ≤ 0.1)', async ({ page }) => {
    await signUp(page);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/(me|progress)/, async (route) => {
      await gate;
      await route.continue();
    });
    await trackLayoutShift(page);
    await page.goto(`/en/courses/${course}/${lesson}`);
    // Before they answer: placeholders, not the visitor's links and notice.
    await expect(page.getByTestId('user-menu-pending')).toBeVisible();
    await expect(page.getByTestId('learner-pending')).toBeVisible();
    await expect(page.getByTestId('anon-notice')).toBeHidden();
    await expect(page.locator('header').getByRole('link', { name: 'Log in' })).toBeHidden();
    release();
    await expect(page.getByTestId('user-menu')).toContainText('Polly Learner');
    await expect(page.getByTestId('learner-panel')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThanOrEqual(0.1);
  });

  test('server-rendered pages show the user menu from the first byte, without JavaScript', async ({ page, browser }) => {
    await signUp(page, 'Nora Noscript');
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto('/en/me');
    await expect(plain.getByTestId('user-menu')).toContainText('Nora Noscript');
    await expect(plain.locator('header').getByRole('link', { name: 'Log in' })).toHaveCount(0);
    await context.close();
  });

  test('signing out clears the hint: the next page is a visitor’s, without API calls', async ({ page }) => {
    await signUp(page);
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'aula_session_hint')?.value).toBe('1');
    await new AuthPages(page).logout();
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'aula_session_hint')).toBeUndefined();
  });
});

test.describe('what remains to complete the course', () => {
  test('the course page counts lessons complete, shows each lesson’s video and quiz, and the next step', async ({ page }) => {
    await signUp(page);
    const first = lessons[0]!;
    // Most of the first lesson's video (well over 0 %, under 90 %), no quiz: no lesson is complete.
    const watched = Math.floor(first.timings.duration * 0.5);
    for (let at = 0; at < watched; at += 60) {
      advanceServerClock(30);
      const response = await page.request.post('/api/progress', { data: { course, lesson: first.slug, intervals: [[at, Math.min(watched, at + 60)]], position: Math.min(watched, at + 60) } });
      expect(response.status()).toBe(200);
    }
    await page.goto(`/en/courses/${course}`);
    await expect(page.getByTestId('course-percent')).toHaveText('Course 0% complete');
    await expect(page.getByTestId('lessons-done')).toHaveText(`Lessons complete: 0 of ${lessons.length}`);
    await expect(page.getByTestId('course-progress')).toContainText('at least 90% of the video and scored at least 70% in the quiz');
    const line = page.getByTestId(`lesson-progress-${first.slug}`);
    await expect(line).toContainText(/Video \d+%/);
    await expect(line).toContainText('Quiz to do');
    await expect(line).toContainText('In progress');
    const next = page.getByTestId('course-progress').getByTestId('next-step');
    await expect(next).toHaveText('Continue with lesson 1');
    await expect(next).toHaveAttribute('href', `/en/courses/${course}/${first.slug}`);
    await expect(page.getByTestId('course-progress')).toContainText('Still to do: the video and the quiz.');
    await expect(page.getByRole('link', { name: 'Start the course' })).toHaveCount(0);

    // The lesson's panel says the same, with what each part still needs.
    await new LessonPage(page, 'en', first.slug).open();
    await expect(page.getByTestId('watched-percent')).toContainText('90% needed');
    await expect(page.getByTestId('quiz-status')).toHaveText('Quiz: not taken yet, 70% needed');
  });

  test('@phone catalog and course page: nothing wider than the screen, the language menu inside it', async ({ browser }) => {
    for (const colorScheme of schemes) {
      const context = await browser.newContext({ colorScheme, viewport: phone });
      const page = await context.newPage();
      await signUp(page, 'Phoebe Phone-Learner-With-A-Rather-Long-Name');
      advanceServerClock(30);
      await page.request.post('/api/progress', { data: { course, lesson: lessons[1]!.slug, intervals: [[0, 30]], position: 30 } });
      for (const path of ['/it', `/it/courses/${course}`, `/fr/courses/${course}`]) {
        await page.goto(path);
        await expect(page.getByTestId('next-step').first()).toBeVisible();
        expect(await overflow(page), path).toBe(0);
        await page.locator('header details.menu summary').first().click();
        const box = (await page.locator('header details.menu[open] .menu__list').boundingBox())!;
        expect(box.x, path).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, path).toBeLessThanOrEqual(phone.width);
      }
      await context.close();
    }
  });
});

test.describe('the player', () => {
  test('Space toggles once, arrows move exactly 5 s, the hint says the video needs focus', async ({ page }) => {
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await expect(page.locator('#video-keys')).toContainText('when the video has focus');
    await view.video().evaluate((v: HTMLVideoElement) => (v.muted = true));
    await view.video().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await view.video().evaluate((v: HTMLVideoElement) => (v.currentTime = 20));
    await expect.poll(() => view.currentTime()).toBe(20);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => view.currentTime()).toBe(25);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => view.currentTime()).toBe(15);
  });

  test('the speed is remembered and follows the browser’s own menu, never past 2×', async ({ page }) => {
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    await page.getByTestId('speed').selectOption('1.5');
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.5);
    await view.open();
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.5);
    await expect(page.getByTestId('speed')).toHaveValue('1.5');
    // The browser's own menu sets playbackRate on the element.
    await view.video().evaluate((v: HTMLVideoElement) => (v.playbackRate = 1.25));
    await expect(page.getByTestId('speed')).toHaveValue('1.25');
    await view.video().evaluate((v: HTMLVideoElement) => (v.playbackRate = 4));
    await expect.poll(() => view.video().evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(2);
    await expect(page.getByTestId('speed')).toHaveValue('2');
  });

  test('a paragraph click shows one caption, the paragraph’s own', async ({ page }) => {
    const view = new LessonPage(page, 'en', lesson);
    await view.open();
    const paragraph = view.paragraphs().nth(2);
    await paragraph.locator('p').click();
    const start = Number(await paragraph.getAttribute('data-start'));
    await expect.poll(() => view.currentTime()).toBeGreaterThan(start);
    await expect
      .poll(() => view.video().evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).find((track) => track.mode === 'showing')?.activeCues?.length ?? -1))
      .toBe(1);
  });

  test('an English page says the video is Italian, with English captions on', async ({ page }) => {
    await new LessonPage(page, 'en', lesson).open();
    await expect(page.getByTestId('video-language')).toContainText('The video is in Italian');
    expect(await page.getByTestId('lesson-video').evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).find((track) => track.mode === 'showing')?.language)).toBe('en');
  });
});

test.describe('without JavaScript', () => {
  test('what needs JavaScript (⚑, copy, follow, speed) is not shown', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/en/courses/${course}/${lesson}`);
    await expect(page.locator('.transcript__report').first()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Copy' })).toBeHidden();
    await expect(page.locator('.transcript .toggle')).toBeHidden();
    await expect(page.getByTestId('speed')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Download' }).first()).toBeVisible();
    await context.close();
  });

  test('the quiz posted without JavaScript lands back at the quiz, not 4,000 px above it', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const view = new LessonPage(page, 'en', lesson);
    await page.goto(view.path);
    const quiz = lessonOf(lesson).texts.en!.quiz;
    for (const item of quiz) await view.answer(item.id, item.answer);
    await view.submitQuiz();
    await expect(page.getByTestId('quiz-score')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#quiz-title');
    await expect(page.locator('#quiz-title')).toBeInViewport();
    await context.close();
  });
});

test.describe('quiz feedback', () => {
  for (const colorScheme of schemes) {
    test(`${colorScheme}: numbers inside their cards, your locked choice plainly drawn`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const view = new LessonPage(page, 'en', lesson);
      await view.open();
      const quiz = lessonOf(lesson).texts.en!.quiz;
      for (const item of quiz) await view.answer(item.id, item.answer);
      await view.submitQuiz();
      const question = quiz[0]!;
      await expect(page.getByTestId('quiz-score')).toBeVisible();
      const item = page.locator(`li[data-question="${question.id}"]`);
      const card = (await item.locator('fieldset').boundingBox())!;
      const number = (await item.locator('.quiz__number').boundingBox())!;
      expect(number.x).toBeGreaterThanOrEqual(card.x);
      const mine = item.locator('input:checked');
      const drawn = await mine.first().evaluate((input) => {
        const css = getComputedStyle(input);
        return { appearance: css.appearance, opacity: css.opacity, border: css.borderTopColor, text: getComputedStyle(document.body).color };
      });
      expect(drawn).toMatchObject({ appearance: 'none', opacity: '1' });
      expect(drawn.border).toBe(drawn.text);
      await context.close();
    });
  }
});
