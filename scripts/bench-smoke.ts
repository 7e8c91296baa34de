/**
 * The bench's smoke run, part of `npm test`: `npm run bench` with BENCH_SMOKE=1
 * (1 s per path and side, one round, two connections, no Lighthouse) into a
 * scratch results file, then a check that the file has every default hot path
 * with req/s > 0 on both sides and a ratio. Exit code 0 when it does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hotPaths } from './bench/paths';
import { resultProblems } from './bench/report';

const root = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-bench-smoke-'));
const out = path.join(dir, 'smoke.json');
const started = performance.now();
try {
  const tsx = [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server'];
  const run = spawnSync(process.execPath, [...tsx, 'scripts/bench.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_SMOKE: '1', BENCH_PATHS: 'default', BENCH_OUT: out } });
  const problems = run.status !== 0 ? [`npm run bench exited with ${run.status}`] : [];
  if (existsSync(out)) {
    const ids = hotPaths.filter((p) => p.group === 'default').map((p) => p.id);
    problems.push(...resultProblems(JSON.parse(readFileSync(out, 'utf8')), ids));
  } else problems.push(`no results file at ${out}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (problems.length > 0) {
    console.error(`\nBench smoke run failed (${seconds} s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log(`\nBench smoke run passed in ${seconds} s: every hot path measured on both sides, with a ratio.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
