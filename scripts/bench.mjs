#!/usr/bin/env node
/**
 * npm run bench: starts the production app on a scratch database and measures
 * throughput and latency of what runs most (a prerendered lesson page, the
 * health check, a signed-in progress heartbeat) with a fixed number of
 * concurrent connections for a few seconds each, on loopback only.
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=16 npm run bench
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchClient } from './lib/bench-client.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aula-bench-'));
const env = { ...process.env, PORT: String(port), DATABASE_URL: path.join(dataDir, 'bench.sqlite'), ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench admin passphrase' };
const tsx = [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server'];
const { request, waitForServer, signIn } = createBenchClient(base, { maxSockets: connections });


async function load(name, make) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = 0; Date.now() < end; i++) {
        const started = process.hrtime.bigint();
        const { status } = await make(worker, i).catch(() => ({ status: 0 }));
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (status !== 200) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
  return { name, 'req/s': Math.round(latencies.length / seconds), 'p50 ms': pct(0.5), 'p99 ms': pct(0.99), errors };
}

const server = spawn(process.execPath, [...tsx, 'scripts/start.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
try {
  await waitForServer();
  const learner = spawnSync(process.execPath, [...tsx, 'scripts/user-create.ts', '--email', 'learner@bench.test', '--password', 'steady reader passphrase', '--role', 'learner'], { env });
  if (learner.status !== 0) throw new Error(learner.stderr.toString());
  const cookie = await signIn('learner@bench.test', 'steady reader passphrase');
  const lesson = '/it/courses/risoluzione-dei-conflitti/livelli-di-contatto';
  const results = [
    await load('GET lesson page (prerendered)', () => request('GET', lesson)),
    await load('GET /api/health (one query)', () => request('GET', '/api/health')),
    await load('POST /api/progress (signed in)', (worker, i) =>
      request('POST', '/api/progress', {
        headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/json' },
        body: JSON.stringify({ course: 'risoluzione-dei-conflitti', lesson: 'livelli-di-contatto', intervals: [[(i * 0.5) % 300, ((i * 0.5) % 300) + 0.5]], position: (i * 0.5) % 300, sentAt: Date.now() }),
      }),
    ),
  ];
  console.log(`\n${connections} connections, ${seconds} s each, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''})`);
  console.table(results);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
