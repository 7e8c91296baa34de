/**
 * npm run bench:lighthouse: Lighthouse (the npm package, driving Debian's
 * Chromium headless) on the lesson page, mobile and desktop, signed out and
 * signed in (the session cookie sent with every request), and beside it the
 * bare reference's static page of the same HTML size (npm run bench's
 * reference app): what Next alone scores on this machine in the same run.
 * Prints the four category scores, LCP and the unused JavaScript, and writes
 * them to bench-results/lighthouse.json. Starts a scratch Aula like npm run
 * bench, or measures BENCH_TARGET. CHROMIUM_PATH overrides /usr/bin/chromium.
 * Lighthouse itself runs in scripts/bench/lighthouse-runs.mjs (plain Node).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoEmail, demoPassword, launchAula } from './bench/aula';
import { createClient } from './bench/client';
import { ensureReferenceBuild, packageVersion, sizedPage, startReference } from './bench/reference';
import { freePort, stopProcess, type Server } from './bench/servers';

const root = process.cwd();
const lessonUrl = '/it/courses/risoluzione-dei-conflitti/livelli-di-contatto';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const out = process.env.BENCH_LIGHTHOUSE_OUT || 'bench-results/lighthouse.json';
const say = (text: string) => console.log(text);

type Run = {
  page: 'aula' | 'reference';
  formFactor: 'mobile' | 'desktop';
  signedIn: boolean;
  scores: Record<string, number | null>;
  lcpMs: number | null;
  metrics: Record<string, number | null>;
  mainThread?: Record<string, number>;
  lcpElement: string | null;
  lcpPhases?: Record<string, number>;
  unusedJsBytes: number | null;
  unusedJsFiles: number;
  failing: Record<string, string[]>;
  warnings: string[];
};

/** FCP, speed index, TBT and CLS of a run, in one line. */
function metricsLine(run: Run): string {
  const ms = (id: string) => (run.metrics[id] == null ? '–' : `${(run.metrics[id]! / 1000).toFixed(2)} s`);
  const tbt = run.metrics['total-blocking-time'];
  const cls = run.metrics['cumulative-layout-shift'];
  const phases = Object.entries(run.lcpPhases ?? {}).map(([phase, ms]) => `${phase} ${ms} ms`);
  const work = Object.entries(run.mainThread ?? {}).map(([group, ms]) => `${group} ${ms}`);
  return `FCP ${ms('first-contentful-paint')}, speed index ${ms('speed-index')}, TBT ${tbt == null ? '–' : `${Math.round(tbt)} ms`}, CLS ${cls == null ? '–' : cls.toFixed(3)}; LCP ${phases.length ? phases.join(', ') : '–'}; main thread (ms) ${work.length ? work.join(', ') : '–'}; LCP element ${run.lcpElement ?? '–'}`;
}

const runLabel = (run: Run) => `${run.formFactor}, ${run.page === 'reference' ? 'bare Next page, same size' : run.signedIn ? 'signed in' : 'signed out'}`;

function table(runs: Run[]): string {
  const header = ['run', ...categories, 'LCP', 'unused JS'];
  const rows = runs.map((r) => [
    runLabel(r),
    ...categories.map((c) => String(r.scores[c] ?? '–')),
    r.lcpMs === null ? '–' : `${(r.lcpMs / 1000).toFixed(2)} s`,
    r.unusedJsBytes === null ? '–' : `${(r.unusedJsBytes / 1024).toFixed(1)} KiB in ${r.unusedJsFiles} files`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, widths.map((w) => '-'.repeat(w)), ...rows].map((cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aula-lighthouse-'));
  let server: Server | undefined;
  let reference: Server | undefined;
  try {
    if (!process.env.BENCH_TARGET) server = await launchAula(root, scratch, { learners: 10, say });
    const base = (process.env.BENCH_TARGET || server!.base).replace(/\/$/, '');
    const aula = createClient(base);
    const cookie = await aula.signIn(demoEmail(1), demoPassword);
    if (ensureReferenceBuild(root)) say('Reference built.');
    reference = await startReference(root, await freePort(), path.join(scratch, 'reference.sqlite'));
    const lessonBytes = (await aula.request('GET', lessonUrl)).bytes;
    const referencePage = await sizedPage(createClient(reference.base), 'static', lessonBytes);
    aula.close();
    const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    const runsFile = path.join(scratch, 'runs.json');
    const env = { ...process.env, CHROMIUM_PATH: chromePath, BENCH_LIGHTHOUSE_COOKIE: cookie };
    const lighthouse = spawnSync(process.execPath, ['scripts/bench/lighthouse-runs.mjs', `${base}${lessonUrl}`, runsFile, `${reference.base}${referencePage.path}`], { cwd: root, env, stdio: 'inherit' });
    if (lighthouse.status !== 0) throw new Error(`Lighthouse failed (exit ${lighthouse.status})`);
    const runs = JSON.parse(readFileSync(runsFile, 'utf8')) as Run[];
    const results = {
      measuredAt: new Date().toISOString(),
      url: `${base}${lessonUrl}`,
      reference: { url: `${reference.base}${referencePage.path}`, bytes: referencePage.bytes, lessonBytes },
      lighthouse: packageVersion(root, 'lighthouse'),
      chromium: chromePath,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      runs,
    };
    mkdirSync(path.dirname(path.resolve(root, out)), { recursive: true });
    writeFileSync(path.resolve(root, out), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nLighthouse ${results.lighthouse} on ${results.url} (load average ${results.machine.loadAverage[0]}), beside the bare reference's ${referencePage.path} (${referencePage.bytes} B against ${lessonBytes} B)\n\n${table(runs)}`);
    for (const run of runs) {
      const label = runLabel(run);
      console.log(`  ${label}: ${metricsLine(run)}`);
      for (const [category, ids] of Object.entries(run.failing)) if (ids.length > 0) console.log(`  ${label}: ${category} below 100 because of ${ids.join(', ')}`);
      for (const warning of run.warnings) console.log(`  ${label}: ${warning}`);
    }
    console.log(`\nWritten to ${out}`);
  } finally {
    await stopProcess(reference);
    await stopProcess(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
