import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { AdminPages } from './pages/AdminPages';
import { AuthPages, visitorAddress } from './pages/AuthPages';
import { course, LessonPage } from './pages/LessonPage';
import { ReportPages } from './pages/ReportPages';
import { alive, startCluster, type Cluster } from './support/cluster';
import { lessons } from './support/content';

// One cluster for the file (PostgreSQL, instances A and B, nginx in front), started from the production
// build and stopped by the last test, as Ctrl-C would.
test.describe.configure({ mode: 'serial' });

let cluster: Cluster;
let database: pg.Client;
const clients: APIRequestContext[] = [];
const A = () => cluster.instances[0]!;
const B = () => cluster.instances[1]!;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster();
  database = new pg.Client({ connectionString: cluster.databaseUrl });
  database.on('error', () => {}); // the last test stops the server under it
  await database.connect();
});

test.afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await database?.end().catch(() => {});
  if (cluster && cluster.process.exitCode === null) {
    cluster.process.kill('SIGTERM');
    await cluster.exited;
  }
});

/** Users straight into the cluster's database, all with one password, as an operator's script would. */
async function addUsers(role: 'learner' | 'editor', count: number, password: string): Promise<string[]> {
  const hash = await hashPassword(password);
  const emails = Array.from({ length: count }, (_, i) => `cluster-${role}-${i}-${randomUUID().slice(0, 8)}@example.com`);
  for (const email of emails) {
    await database.query('insert into users (id, email, name, password_hash, role, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)', [randomUUID(), email, `Cluster ${role}`, hash, role, Date.now()]);
  }
  return emails;
}

/** A signed-in client (cookies kept), through the Credentials endpoint as a script signs in, from an address of its own. */
async function client(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const signed = await request.newContext({ baseURL, timeout: 60_000, extraHTTPHeaders: { 'x-forwarded-for': visitorAddress() } });
  clients.push(signed);
  const { csrfToken } = await (await signed.get('/api/auth/csrf')).json();
  await signed.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 });
  expect((await (await signed.get('/api/me')).json()).user?.email, `signed in as ${email}`).toBe(email);
  return signed;
}

test('a correction made through instance A shows on instance B’s prerendered lesson page and captions', async ({ browser }) => {
  test.setTimeout(180_000);
  const lesson = lessons[1]!.slug;
  const visitor = await browser.newContext({ baseURL: A(), extraHTTPHeaders: { 'x-forwarded-for': '100.64.200.1' } });
  const visitorPage = await visitor.newPage();
  const view = new LessonPage(visitorPage, 'en', lesson);
  await view.open();
  const paragraph = view.paragraphs().nth(2);
  const paragraphId = (await paragraph.getAttribute('data-paragraph'))!;
  const original = (await paragraph.locator('p').textContent())!;
  await paragraph.getByRole('button', { name: 'Report an error in this paragraph' }).click();
  const ref = await new ReportPages(visitorPage).send({ message: 'A word is missing.', email: 'cluster-reader@example.com' });

  // Instance B has the lesson page and its captions in its cache, as they were.
  const onB = await request.newContext({ baseURL: B() });
  clients.push(onB);
  const pageOnB = `/en/courses/${course}/${lesson}`;
  const captionsOnB = `/captions/${course}/${lesson}/en.vtt`;
  for (let i = 0; i < 2; i++) {
    expect(await (await onB.get(pageOnB)).text()).toContain(original.slice(0, 40));
    expect((await onB.get(captionsOnB)).status()).toBe(200);
  }
  expect((await onB.get(pageOnB)).headers()['x-nextjs-cache']).toBe('HIT');

  const marker = `Clusterword${Date.now()}`;
  const editorContext = await browser.newContext({ baseURL: A() });
  const page = await editorContext.newPage();
  const reports = new ReportPages(page);
  await new AdminPages(page).signInAsAdmin();
  await reports.openReport('en', ref);
  await reports.moveTo('Move to “In review”');
  await expect(reports.status()).toHaveText('In review');
  await reports.moveTo('Move to “Accepted”');
  await expect(reports.status()).toHaveText('Accepted');
  await page.locator('#apply-form-text').fill(`${original} ${marker}.`);
  await page.getByTestId('apply-form').getByRole('button', { name: 'Apply correction' }).click();
  await expect(reports.status()).toHaveText('Applied');
  const applied = Date.now();

  // B's next requests render the page again, from the database, with the correction. (The render itself
  // takes a while on a busy machine: the time B took to answer is told apart.)
  const polls: { sent: number; took: number; fresh: boolean }[] = [];
  await expect
    .poll(async () => {
      const sent = Date.now();
      const fresh = (await (await onB.get(pageOnB)).text()).includes(marker);
      polls.push({ sent: sent - applied, took: Date.now() - sent, fresh });
      return fresh;
    }, { timeout: 15_000, intervals: [50] })
    .toBe(true);
  const seenAfter = Date.now() - applied;
  const stalePolls = polls.filter((poll) => !poll.fresh);
  // Within a second, B knew: no request sent to it later than that got the old page.
  expect(stalePolls.filter((poll) => poll.sent >= 1_000), 'old pages B served a second or more after the correction').toEqual([]);
  await expect.poll(async () => (await (await onB.get(captionsOnB)).text()).includes(marker), { timeout: 10_000, intervals: [50] }).toBe(true);
  test.info().annotations.push({
    type: 'cluster',
    description: `the correction showed on instance B ${seenAfter} ms after instance A answered; requests to B before it: ${JSON.stringify(stalePolls)}; the one that showed it was sent at ${polls.at(-1)!.sent} ms and took ${polls.at(-1)!.took} ms`,
  });
  // And through nginx, whichever instance answers.
  for (let i = 0; i < 4; i++) expect(await (await onB.get(`${cluster.url}${pageOnB}`)).text()).toContain(marker);
  // A visitor's browser on B sees the corrected paragraph.
  const onBPage = await (await browser.newContext({ baseURL: B() })).newPage();
  const viewOnB = new LessonPage(onBPage, 'en', lesson);
  await viewOnB.open();
  await expect(viewOnB.paragraph(paragraphId).locator('p')).toContainText(marker);
  await onBPage.context().close();
  await visitor.close();
  await editorContext.close();
});

test('a sign-out through instance A ends the session on instance B’s next request', async ({ browser }) => {
  const password = 'cluster learner words';
  const [email] = await addUsers('learner', 1, password);
  const context = await browser.newContext({ baseURL: A() });
  const page = await context.newPage();
  await new AuthPages(page).login('en', email!, password);
  await new AuthPages(page).expectSignedInAs('Cluster learner');
  // The browser's cookie goes to both instances (same host); B knows the session.
  expect((await (await context.request.get(`${B()}/api/me`)).json()).user?.email).toBe(email);
  await new AuthPages(page).logout();
  expect((await (await context.request.get(`${B()}/api/me`)).json()).user ?? null).toBeNull();
  await context.close();
});

test('an editor demoted through instance A loses the editors’ pages on instance B’s next request', async ({ browser }) => {
  const password = 'cluster editor words';
  const [email] = await addUsers('editor', 1, password);
  const editorOnB = await client(B(), email!, password);
  expect((await editorOnB.get('/en/editor', { maxRedirects: 0 })).status()).toBe(200);

  const context = await browser.newContext({ baseURL: A() });
  const page = await context.newPage();
  const admin = new AdminPages(page);
  await admin.signInAsAdmin();
  await admin.openUsers('en', email!);
  await admin.chooseRole(email!, 'learner');
  await admin.confirm();
  await expect(admin.userRow(email!).locator('select[name=role]')).toHaveValue('learner');
  // B reads the role from the database on every request: the same session, now a learner's, is refused the editors' queue.
  expect((await editorOnB.get('/en/editor', { maxRedirects: 0 })).status(), 'the editors’ queue on B after the demotion').toBe(403);
  expect((await (await editorOnB.get('/api/me')).json()).user?.role).toBe('learner');
  await context.close();
});

test('heartbeats from 20 learners spread over both instances and nginx lose nothing', async () => {
  test.setTimeout(240_000);
  const learners = 20;
  const beats = 10;
  const span = 2;
  const password = 'cluster heartbeat words';
  const emails = await addUsers('learner', learners, password);
  const lesson = lessons[0]!.slug;
  const targets = [A(), B(), cluster.url];
  // Each learner signs in on one instance, then has a client on A, B and nginx (the session cookie works on each).
  const perLearner = await Promise.all(
    emails.map(async (email, i) => {
      const state = await (await client(targets[i % 2]!, email, password)).storageState();
      return Promise.all(
        targets.map(async (baseURL) => {
          const other = await request.newContext({ baseURL, storageState: state, extraHTTPHeaders: { 'x-forwarded-for': visitorAddress() } });
          clients.push(other);
          return other;
        }),
      );
    }),
  );

  let offset = 0;
  for (let beat = 0; beat < beats; beat++) {
    // The progress clock moves a minute on between rounds: the per-minute throttle and the real-time allowance never refuse.
    offset += 60_000;
    writeFileSync(cluster.clockFile, String(offset));
    const answers = await Promise.all(
      perLearner.map((targetsOfLearner, i) => {
        const target = targetsOfLearner[(i + beat) % targets.length]!;
        const data = { course, lesson, intervals: [[beat * span, (beat + 1) * span]], position: (beat + 1) * span, sentAt: Date.now() };
        return target.post('/api/progress', { data, timeout: 60_000 });
      }),
    );
    for (const answer of answers) expect(answer.status(), await answer.text()).toBe(200);
  }

  const { rows } = await database.query<{ email: string; intervals: string; watched_seconds: number; position: number }>(
    'select u.email, p.intervals, p.watched_seconds, p.position from lesson_progress p join users u on u.id = p.user_id where u.email = any($1) and p.course = $2 and p.lesson = $3',
    [emails, course, lesson],
  );
  expect(rows).toHaveLength(learners);
  for (const row of rows) {
    expect({ email: row.email, intervals: JSON.parse(row.intervals), watched: Number(row.watched_seconds), position: Number(row.position) }).toEqual({
      email: row.email,
      intervals: [[0, beats * span]],
      watched: beats * span,
      position: beats * span,
    });
  }
});

test('SIGINT stops nginx, both instances and PostgreSQL, leaving no process behind', async () => {
  test.setTimeout(120_000);
  const { pids } = cluster;
  const parts = [pids.nginx, pids.postgres, ...pids.instances];
  for (const pid of parts) expect(alive(pid)).toBe(true);
  await database.end(); // the server is going away
  cluster.process.kill('SIGINT');
  expect(await cluster.exited).toBe(0);
  expect(cluster.output()).toContain('Cluster stopped');
  // Each part was waited for; a process may take a moment more to leave the process table after saying so.
  await expect.poll(() => parts.filter(alive), { timeout: 5_000 }).toEqual([]);
  expect((await fetch(`${cluster.url}/api/health`).catch(() => null))?.ok ?? false).toBe(false);
});
