import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxBinary } from '../../scripts/cluster/nginx';
import { freePort } from '../../scripts/lib/free-port';

// docs/nginx-bench.conf, the README's cache in front of Aula, run for real in front of a stand-in for Aula:
// prerendered pages (s-maxage) are served from nginx's cache; everything else passes, side by side.
const held = { inFlight: 0, most: 0, waiting: [] as (() => void)[], pageRenders: 0 };
const together = 4;

const upstream = http.createServer((req, res) => {
  if (req.url === '/it/page') {
    held.pageRenders += 1;
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=30' });
    return res.end(`page render ${held.pageRenders}`);
  }
  // Like /api/me: each learner's own answer, never stored. Held until `together` are in at once (or 3 s pass).
  held.inFlight += 1;
  held.most = Math.max(held.most, held.inFlight);
  const answer = () => {
    held.inFlight -= 1;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' });
    res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
  };
  if (held.inFlight >= together) [...held.waiting.splice(0), answer].forEach((release) => release());
  else {
    held.waiting.push(answer);
    setTimeout(() => held.waiting.includes(answer) && held.waiting.splice(held.waiting.indexOf(answer), 1) && answer(), 3000);
  }
});

let nginx: ChildProcess;
let base = '';
let prefix = '';

beforeAll(async () => {
  const [aulaPort, nginxPort] = [await freePort(), await freePort()];
  await new Promise<void>((resolve) => upstream.listen(aulaPort, '127.0.0.1', resolve));
  prefix = mkdtempSync(path.join(os.tmpdir(), 'aula-nginx-recipe-'));
  chmodSync(prefix, 0o755); // nginx's workers (nobody, when started as root) write its cache here
  const template = readFileSync(path.join(process.cwd(), 'docs', 'nginx-bench.conf'), 'utf8');
  const conf = template.replaceAll('__AULA_PORT__', String(aulaPort)).replaceAll('__NGINX_PORT__', String(nginxPort)).replaceAll('__PREFIX__', prefix);
  writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  nginx = spawn(nginxBinary(), ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  base = `http://127.0.0.1:${nginxPort}`;
  for (let tries = 0; tries < 100; tries += 1) {
    if (await fetch(`${base}/it/page`, { method: 'HEAD' }).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 120_000);

afterAll(async () => {
  nginx?.kill('SIGQUIT');
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  if (process.env.KEEP_NGINX_PREFIX) console.log(prefix); else rmSync(prefix, { recursive: true, force: true });
});

describe('the nginx recipe in front of Aula (docs/nginx-bench.conf)', () => {
  it('serves a prerendered page from its cache', async () => {
    const first = await fetch(`${base}/it/page`);
    const second = await fetch(`${base}/it/page`);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('x-cache')).toBe('HIT');
  });

  it("passes a learner's own requests for one URL side by side, each with its own answer (never one at a time behind a cache lock)", async () => {
    const answers = await Promise.all(
      Array.from({ length: together }, async (_, n) => {
        const response = await fetch(`${base}/api/me`, { headers: { Cookie: `session=learner-${n}` } });
        return { status: response.status, cache: response.headers.get('x-cache'), body: (await response.json()) as { cookie: string } };
      }),
    );
    expect(held.most).toBe(together);
    expect(answers.map((a) => a.body.cookie)).toEqual(Array.from({ length: together }, (_, n) => `session=learner-${n}`));
    expect(answers.every((a) => a.status === 200 && a.cache === 'MISS')).toBe(true);
  });
});
