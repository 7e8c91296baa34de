import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { course } from './pages/LessonPage';
import { lessons } from './support/content';
import { killServers, newSite, signedIn, startServer, type OwnServer, type ServerSite } from './support/own-server';

// The server is killed with SIGKILL (no chance to clean up) while learners' players send heartbeats,
// a few times over; every heartbeat it answered 200 must still be there, and the database must be sound.

test.afterEach(killServers);

const learnerCount = 4;
const kills = 3;
const password = 'crash test passphrase';
const spanSeconds = 2;

type Ack = { position: number; watchedPercent: number };

/** Adds learners straight into the server's database (it has migrated it), all with one password. */
async function addLearners(site: ServerSite): Promise<string[]> {
  const passwordHash = await hashPassword(password);
  const db = new Database(site.database);
  db.pragma('busy_timeout = 5000');
  const emails = Array.from({ length: learnerCount }, (_, i) => `crash-${i}@example.com`);
  const insert = db.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, 'learner', ?, ?)`);
  for (const email of emails) insert.run(randomUUID(), email, `Crash ${email}`, passwordHash, Date.now(), Date.now());
  db.close();
  return emails;
}

/**
 * One learner's player: watches its lesson from the start, 2 s of video per heartbeat, resending from
 * the last acknowledged point after a failure (as the real player keeps unsent spans). Records what
 * each 200 said, and in which server life it was answered.
 */
function player(client: APIRequestContext, lesson: string, life: () => number, running: () => boolean) {
  const acks: (Ack & { life: number })[] = [];
  let failures = 0;
  const done = (async () => {
    let acked = 0;
    while (running()) {
      const data = { course, lesson, intervals: [[acked, acked + spanSeconds]], position: acked + spanSeconds, sentAt: Date.now() };
      const answer = await client.post('/api/progress', { data, failOnStatusCode: false, timeout: 10_000 }).catch(() => null);
      if (answer?.status() === 200) {
        const status = (await answer.json()) as Ack;
        acks.push({ position: status.position, watchedPercent: status.watchedPercent, life: life() });
        acked += spanSeconds;
      } else {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, answer ? 400 : 150));
    }
  })();
  return { acks, failures: () => failures, done };
}

test('SIGKILL under heartbeat load loses no acknowledged heartbeat, and integrity_check stays ok', async () => {
  test.setTimeout(300_000);
  const site = await newSite({ ADMIN_PASSWORD: 'crash admin passphrase' });
  let server: OwnServer = await startServer(site);
  const emails = await addLearners(site);
  const clients: APIRequestContext[] = [];
  for (const email of emails) clients.push(await signedIn(server.baseURL, email, password)); // one at a time: each checks a password

  // The progress clock runs 8× faster (1 s more every 1/7 s), so the heartbeat throttle (per minute) and the
  // watching allowance (2× real time) never refuse this pace; a refused heartbeat would just not count as acknowledged.
  const clockFile = site.clockFile;
  writeFileSync(clockFile, '0');
  const clock = setInterval(() => writeFileSync(clockFile, String(Number(readFileSync(clockFile, 'utf8')) + 1000)), 1000 / 7);

  let life = 0;
  let running = true;
  const players = clients.map((client, i) => player(client, lessons[i % lessons.length]!.slug, () => life, () => running));
  const answeredInLife = (l: number) => players.reduce((sum, p) => sum + p.acks.filter((ack) => ack.life === l).length, 0);
  try {
    for (let kill = 1; kill <= kills; kill++) {
      // Under load: once this life of the server has answered a few heartbeats (its first requests may be slow
      // on a busy machine), a little more, then the kill.
      await expect.poll(() => answeredInLife(life), { timeout: 90_000 }).toBeGreaterThanOrEqual(learnerCount);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1_200));
      server.process.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      life += 1;
      server = await startServer(site);
    }
    await expect.poll(() => answeredInLife(life), { timeout: 90_000 }).toBeGreaterThanOrEqual(learnerCount);
  } finally {
    running = false;
    clearInterval(clock);
    await Promise.all(players.map((p) => p.done));
  }

  // Every life of the server answered heartbeats, and some were lost to the kills (the load was on).
  const acks = players.flatMap((p) => p.acks);
  for (let l = 0; l <= kills; l++) expect(acks.filter((ack) => ack.life === l).length, `heartbeats answered in server life ${l}`).toBeGreaterThan(0);
  expect(players.reduce((sum, p) => sum + p.failures(), 0)).toBeGreaterThan(0);

  // The restarted server still has what it acknowledged.
  let lost = 0;
  for (const [i, client] of clients.entries()) {
    const slug = lessons[i % lessons.length]!.slug;
    const status = (await (await client.get(`/api/progress?course=${course}`)).json()).lessons.find((l: { lesson: string }) => l.lesson === slug) as Ack;
    for (const ack of players[i]!.acks) if (status.position < ack.position || status.watchedPercent < ack.watchedPercent) lost += 1;
    expect(status.position).toBeGreaterThanOrEqual(Math.max(...players[i]!.acks.map((ack) => ack.position)));
  }
  expect(lost).toBe(0);
  test.info().annotations.push({ type: 'crash', description: `${acks.length} heartbeats acknowledged over ${kills} kills, ${lost} lost` });

  server.process.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
  const db = new Database(site.database, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  await Promise.all(clients.map((client) => client.dispose()));
});
