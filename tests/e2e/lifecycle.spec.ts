import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { course } from './pages/LessonPage';
import { lessons } from './support/content';
import { killServers, newSite, signedIn, startServer } from './support/own-server';

// `npm start` as an operator runs it: the first admin's password, the bind address, and a stop by SIGTERM
// to npm's own process while requests are in flight.

test.afterEach(killServers);

const stopBoundMs = 10_000;

/** A raw signed-in POST whose body is sent in two halves, the second only when `finish` is called. */
function postInTwoHalves(port: number, cookie: string, body: string) {
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(answer)));
  const half = Math.floor(body.length / 2);
  socket.write(`POST /api/progress HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
  return { finish: () => socket.write(body.slice(half)), closed };
}

/** An idle keep-alive connection (one request answered, then nothing). */
async function idleKeepAlive(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => res.resume().on('end', () => resolve(request.socket!)));
    request.on('error', reject);
  });
  return new Promise<number>((resolve) => {
    const started = Date.now();
    socket.once('close', () => resolve(Date.now() - started));
  });
}

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

test('npm start: the first admin password only in a 0600 file, HOST respected, SIGTERM to npm stops everything gracefully', async () => {
  test.setTimeout(240_000);
  const site = await newSite({ HOST: '127.0.0.1' });
  const server = await startServer(site, { viaNpm: true });
  const output = server.output();

  // The generated password is in the file (owner-only) and nowhere in the log; it signs in.
  const passwordFile = path.join(site.dir, 'first-admin-password');
  expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  const password = readFileSync(passwordFile, 'utf8').trim();
  expect(output).toContain(`Its password is in ${passwordFile}`);
  expect(output).not.toContain(password);
  const admin = await signedIn(server.baseURL, 'admin@aula.local', password);

  // HOST=127.0.0.1: served on IPv4 loopback only.
  expect(await refused('::1', site.port)).toBe(true);
  const pid = Number(/process (\d+)/.exec(server.output())![1]);

  const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const beat = JSON.stringify({ course, lesson: lessons[0]!.slug, intervals: [[0, 5]], position: 5 });
  const inFlight = postInTwoHalves(site.port, cookie, beat);
  const neverFinished = postInTwoHalves(site.port, cookie, beat);
  const idleClosedAfter = idleKeepAlive(site.port);
  await new Promise((resolve) => setTimeout(resolve, 500));

  const stopped = Date.now();
  server.process.kill('SIGTERM'); // npm's own process, as a supervisor or `kill` would
  expect(await idleClosedAfter).toBeLessThan(1_000); // idle keep-alive connections do not hold the stop
  await expect.poll(() => refused('127.0.0.1', site.port), { timeout: 5_000 }).toBe(true); // no new connections
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  inFlight.finish();
  expect((await inFlight.closed).split('\r\n')[0]).toBe('HTTP/1.1 200 OK'); // a request in flight is finished
  expect(await neverFinished.closed).toBe(''); // one that never ends is cut at the bound…

  const { code } = await server.exited; // …and npm, with the server, is gone soon after
  const tookMs = Date.now() - stopped;
  expect(code).toBe(0);
  expect(tookMs).toBeGreaterThanOrEqual(stopBoundMs - 500);
  expect(tookMs).toBeLessThan(stopBoundMs + 5_000);
  expect(() => process.kill(pid, 0)).toThrow();
  expect(server.output()).toMatch(/SIGTERM: stopping[\s\S]*Closed the connections still busy after 10 s[\s\S]*Stopped/);

  // The database was checkpointed and closed: the file alone is complete and sound.
  expect(existsSync(`${site.database}-wal`)).toBe(false);
  const db = new Database(site.database, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT position FROM lesson_progress').all()).toEqual([{ position: 5 }]);
  db.close();
  await admin.dispose();
});
