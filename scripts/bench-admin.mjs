#!/usr/bin/env node
/**
 * npm run bench:admin: seeds a scratch database with 10,000 demo learners,
 * starts the production app on it, signs in as an admin and measures the
 * admin pages (sequential requests: median and p95) and the full CSV download.
 *   BENCH_LEARNERS=10000 BENCH_REQUESTS=30 BENCH_PORT=3650 npm run bench:admin
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchClient } from './lib/bench-client.mjs';

const learners = Number(process.env.BENCH_LEARNERS ?? 10_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3650);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aula-bench-admin-'));
const admin = { email: 'admin@bench.test', password: 'steady quiet measuring words' };
const env = { ...process.env, PORT: String(port), DATABASE_URL: path.join(dataDir, 'bench.sqlite'), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password };
const tsx = [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server'];
const { request, waitForServer, signIn } = createBenchClient(base, { maxSockets: 1 });


async function measure(name, url, cookie) {
  for (let i = 0; i < 3; i++) await request('GET', url, { headers: { Cookie: cookie } }); // warm-up
  const times = [];
  for (let i = 0; i < requests; i++) {
    const res = await request('GET', url, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${url}: status ${res.status}`);
    times.push(res.ms);
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.ceil(times.length * p) - 1)].toFixed(1);
  return { name, requests, 'median ms': pct(0.5), 'p95 ms': pct(0.95) };
}

const seedStart = performance.now();
const seed = spawnSync(process.execPath, [...tsx, 'scripts/seed-demo.ts', '--learners', String(learners)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
if (seed.status !== 0) process.exit(1);
const seedSeconds = (performance.now() - seedStart) / 1000;
const created = spawnSync(process.execPath, [...tsx, 'scripts/user-create.ts', '--email', admin.email, '--password', admin.password, '--role', 'admin', '--name', 'Bench Admin'], { env });
if (created.status !== 0) throw new Error(created.stderr.toString());

const server = spawn(process.execPath, [...tsx, 'scripts/start.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await waitForServer();
  const cookie = await signIn(admin.email, admin.password);
  const results = [
    await measure('GET /it/admin (figures + funnel)', '/it/admin', cookie),
    await measure('GET /it/admin/learners (page 1, by name)', '/it/admin/learners', cookie),
    await measure('GET /it/admin/learners (by course %, page 200)', '/it/admin/learners?sort=percent&dir=desc&page=200', cookie),
    await measure('GET /it/admin/learners (filter: complete)', '/it/admin/learners?status=complete&q=rossi', cookie),
  ];
  const csv = await request('GET', '/api/admin/completion.csv?course=risoluzione-dei-conflitti', { headers: { Cookie: cookie } });
  if (csv.status !== 200) throw new Error(`CSV: status ${csv.status}`);
  console.log(`\n${learners} learners, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''}); sequential requests on loopback, after 3 warm-ups`);
  console.log(`seed (incl. tsx start-up): ${seedSeconds.toFixed(1)} s`);
  console.table(results);
  console.log(`CSV: ${csv.lines - 1} rows, ${(csv.bytes / 1024).toFixed(0)} KiB in ${csv.ms.toFixed(0)} ms`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
}
