import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import en from '../../messages/en.json';
import { formatMessage } from '../../lib/i18n/format-message';
import { uniqueEmail } from './pages/AuthPages';
import { LessonPage, quizFormFields } from './pages/LessonPage';
import { ReportPages } from './pages/ReportPages';
import { lessonOf } from './support/content';
import { killServers, newSite, startServer, type OwnServer } from './support/own-server';

// The issue's replay: "with a different X-Forwarded-For per request, 20/20 anonymous reports were
// stored (limit 5) and 40/40 password guesses across accounts were evaluated (limit 20)". Here every
// request forges every address header there is, each time a new value, against a server with the
// default settings (no TRUST_PROXY): the limits hold, because the address is the connection's.

let forgeries = 0;
/** Every header a client could hope to be believed by, each time with a new address. */
function forged(): Record<string, string> {
  forgeries += 1;
  const ip = `203.0.${Math.floor(forgeries / 250) % 250}.${(forgeries % 250) + 1}`;
  return { 'x-forwarded-for': ip, 'x-real-ip': ip, 'x-aula-client-address': ip, forwarded: `for=${ip}` };
}

/** A limit's message with whatever minutes are left (the window began with the first request, a while ago on a busy machine). */
function withMinutesLeft(message: string): RegExp {
  // Formatted (ICU plural) with a number that cannot occur, which then stands for any number of minutes.
  return new RegExp(`^${formatMessage(message, 'en', { minutes: 77 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('77', '\\d{1,2}')}$`);
}

test.describe('a forged address per request gets limited like any other (default settings)', () => {
  test.describe.configure({ mode: 'serial' });
  // Twenty-odd password hashes at OWASP cost, on a busy 2-core machine.
  test.setTimeout(360_000);
  let server: OwnServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startServer(await newSite({ TRUST_PROXY: '' })); // the default, whatever the runner's environment says
  });
  test.afterAll(killServers);

  async function noScriptPage(browser: Browser) {
    const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
    return { context, page: await context.newPage() };
  }

  test('anonymous error reports: 5 stored, then refused', async ({ browser }) => {
    const { context, page } = await noScriptPage(browser);
    const reports = new ReportPages(page);
    const view = new LessonPage(page, 'en', 'livelli-di-contatto');
    for (let i = 1; i <= 5; i++) {
      await page.setExtraHTTPHeaders(forged());
      await page.goto(view.path);
      await reports.send({ where: 'translation', message: `Report number ${i} from "another" address.` });
    }
    await page.setExtraHTTPHeaders(forged());
    await page.goto(view.path);
    await reports.fill({ where: 'translation', message: 'One report too many, from yet another address.' });
    await reports.submit();
    await expect(reports.error()).toHaveText(withMinutesLeft(en.errors.reportRateLimited));
    await context.close();
  });

  // Before the guesses below: they fill this address's sign-in limit, and a new account could not be signed in then.
  test('sign-ups: 5 accounts, then a clear message with everything typed kept', async ({ browser }) => {
    const { context, page } = await noScriptPage(browser);
    const fill = async (email: string) => {
      await context.clearCookies();
      await page.setExtraHTTPHeaders(forged());
      await page.goto('/en/register');
      await page.locator('#field-name').fill('Many Faces');
      await page.locator('#field-email').fill(email);
      await page.locator('#field-password').fill('a brand new passphrase');
      await page.locator('main form button[type=submit]').click();
    };
    for (let i = 0; i < 5; i++) {
      await fill(uniqueEmail('sybil'));
      await expect(page).toHaveURL(/\/en$/);
    }
    const email = uniqueEmail('sybil');
    await fill(email);
    await expect(page.locator('main .notice--error')).toHaveText(withMinutesLeft(en.errors.registerLimited));
    await expect(page.locator('#field-name')).toHaveValue('Many Faces');
    await expect(page.locator('#field-email')).toHaveValue(email);
    await context.close();
  });

  test('password guesses across accounts: 20 checked, then 429 with Retry-After', async ({ playwright }) => {
    const client: APIRequestContext = await playwright.request.newContext({ baseURL: server.baseURL, timeout: 120_000 });
    const { csrfToken } = await (await client.get('/api/auth/csrf')).json();
    const statuses: number[] = [];
    for (let i = 0; i < 23; i++) {
      const response = await client.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: uniqueEmail(`guess${i}`), password: 'is it this one' },
        headers: { ...forged(), 'accept-language': 'en' },
        maxRedirects: 0,
      });
      statuses.push(response.status());
      if (response.status() === 429) {
        // The 15-minute window started with the first guess, a minute or so ago on a busy machine.
        const retryAfter = Number(response.headers()['retry-after']);
        expect(retryAfter).toBeGreaterThan(10 * 60);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(await response.json()).toEqual({ code: 'tooManyAttempts', error: formatMessage(en.errors.tooManyAttempts, 'en', { minutes: retryAfter / 60 }) });
      } else {
        expect(response.headers().location).toContain('code=invalid');
      }
    }
    expect(statuses).toEqual([...Array(20).fill(302), 429, 429, 429]);
    await client.dispose();
  });

  test('anonymous quiz attempts: 10 graded, then not checked', async ({ browser }) => {
    const { context, page } = await noScriptPage(browser);
    const lesson = lessonOf('tipi-di-cliente');
    const quiz = lesson.texts.en!.quiz;
    const view = new LessonPage(page, 'en', lesson.slug);
    await page.goto(view.path);
    const hidden = await quizFormFields(page);
    const answers = quiz.map((q) => [`q:${q.id}`, q.choices.find((choice) => !q.answer.includes(choice.id))!.id]);
    const post = async () => {
      const form = new FormData();
      for (const [name, value] of [...hidden, ...answers]) form.append(name!, value!);
      const response = await page.request.post(view.path, { multipart: form, headers: { ...forged(), origin: server.baseURL } });
      return response.text();
    };
    for (let attempt = 1; attempt <= 9; attempt++) expect(await post()).toContain(en.quiz.attemptsLeft.replace('{left}', String(10 - attempt)));
    const last = await post();
    expect(last).toContain(en.quiz.score.split('{')[0]!);
    expect(last).toContain(en.quiz.noneLeft.split(':')[0]!);
    expect(last).not.toContain(en.quiz.limited.slice(0, 60));
    const refused = await post();
    expect(refused).toContain(en.quiz.limited.slice(0, 60));
    expect(refused).not.toContain(en.quiz.attemptsLeft.slice(0, 20));
    await context.close();
  });
});

test.describe('behind a trusted proxy (the e2e server: TRUST_PROXY=127.0.0.1, ::1)', () => {
  test('entries a client wrote to the left of the proxy’s are ignored: a forged first entry per request is still one client', async ({ browser }) => {
    test.setTimeout(180_000); // six pages and six reports without JavaScript, beside a server starting
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const reports = new ReportPages(page);
    const view = new LessonPage(page, 'en', 'livelli-di-contatto');
    // What the proxy appends: the real client's address, the same each time.
    const real = `198.18.${process.pid % 250}.${(Date.now() % 250) + 1}`;
    for (let i = 1; i <= 6; i++) {
      const fake = forged();
      await page.setExtraHTTPHeaders({ ...fake, 'x-forwarded-for': `${fake['x-forwarded-for']}, ${real}` });
      await page.goto(view.path);
      await reports.fill({ where: 'translation', message: `Report number ${i} behind the proxy.` });
      await reports.submit();
      if (i <= 5) await expect(reports.success()).toContainText(/R-\d{5}/);
    }
    await expect(reports.error()).toHaveText(withMinutesLeft(en.errors.reportRateLimited));
    await context.close();
  });
});
