#!/usr/bin/env node
/**
 * npm test: type check, lint (eslint, stylelint: the parts of `npm run lint`),
 * the content check (`npm run content:check`),
 * unit/integration tests (Vitest; the integration suites on SQLite, then on
 * PostgreSQL), then browser tests (Playwright, Chromium)
 * against a production build, then those on a cluster (PostgreSQL, two
 * instances, nginx: playwright.cluster.config.ts), then a smoke run of the bench (1 s per hot path;
 * counted as one check). Ends with one line:
 * "N passed, N failed", summing every suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };
/** What failed, by name, printed above the last line so a CI log's tail says what to look at. */
const failures = [];
/** Browser tests that passed only on their retry: counted as passed, named so they get looked at. */
const flaky = [];

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(title);
  return ok;
}

function countJson(file, read, names) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { passed, failed } = read(report);
  totals.passed += passed;
  totals.failed += failed;
  const named = names(report);
  if (failed > 0) failures.push(...named);
  return true;
}

/** Vitest's JSON report: the failed tests by file and name, or the files that failed to load. */
function vitestFailures(label) {
  return (report) =>
    (report.testResults ?? []).flatMap((file) => {
      const where = path.relative(root, file.name);
      const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
      if (failed.length === 0 && file.status === 'failed') return [`${label} ${where}: ${String(file.message ?? 'failed').split('\n')[0]}`];
      return failed.map((test) => `${label} ${where} › ${test.fullName}`);
    });
}

/** Playwright's JSON report: a test that passed on its retry (flaky) counts as passed; errors outside tests as failures. */
const playwrightCounts = (r) => ({
  passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
  failed: (r.stats?.unexpected ?? 0) + (r.errors?.length ?? 0),
});

/** Playwright's JSON report: tests whose outcome was unexpected, and errors outside tests. */
function playwrightFailures(report) {
  const names = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'flaky') flaky.push(`[e2e] ${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}`);
        if (test.status === 'unexpected') names.push(`[e2e] ${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) names.push(`[e2e] ${String(error.message ?? error).split('\n')[0]}`);
  return names;
}

/** A Chromium for Playwright: CHROMIUM_PATH, Debian's, or installed with apt when we may. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('Chromium not found: installing Debian’s chromium package…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    'No Chromium found for the browser tests. Install one and run again:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere: set CHROMIUM_PATH to a Chromium or Chrome binary',
  );
  return null;
}

check('Type check (tsc)', bin('tsc'), ['--noEmit']);
check('Lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
check('Lint CSS (stylelint)', bin('stylelint'), ['--max-warnings', '0', '**/*.css']);
check('Content (npm run content:check)', process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/content-check.ts']);

rmSync('test-results', { recursive: true, force: true });
// A suite that failed outside any test (a file that does not load) counts as one failure.
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0) });
run('Unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
if (!countJson('test-results/unit.json', vitestCounts, vitestFailures('[sqlite]'))) {
  totals.failed += 1;
  failures.push('Vitest wrote no report');
}

// The integration suites again on PostgreSQL (a throwaway server the run starts: tests/support/global-setup.ts),
// but those about SQLite itself: its backup files and the fuzz tests' statement counting through better-sqlite3.
const sqliteOnly = ['backup-restore.test.ts', 'ops-commands.test.ts', 'fuzz-actions.test.ts', 'fuzz-handlers.test.ts'];
const postgresSuites = readdirSync('tests/integration').filter((file) => file.endsWith('.test.ts') && !sqliteOnly.includes(file)).map((file) => `tests/integration/${file}`);
run('Integration tests on PostgreSQL (vitest, AULA_TEST_DB=postgres)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit-pg.json', ...postgresSuites], { AULA_TEST_DB: 'postgres' });
if (!countJson('test-results/unit-pg.json', vitestCounts, vitestFailures('[postgres]'))) {
  totals.failed += 1;
  failures.push('Vitest on PostgreSQL wrote no report');
}

const chromium = findChromium();
if (!chromium) {
  totals.failed += 1;
  failures.push('No Chromium for the browser tests');
} else if (!run('Production build', process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/build.ts'])) {
  totals.failed += 1;
  failures.push('Production build');
} else {
  rmSync('data/e2e', { recursive: true, force: true });
  run('Browser tests (playwright, Chromium)', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium });
  const counted = countJson('test-results/e2e.json', playwrightCounts, playwrightFailures);
  if (!counted) {
    totals.failed += 1;
    failures.push('Playwright wrote no report');
  }
  // The cluster (PostgreSQL, two instances, nginx) from the same build: its own config, after the main browser tests.
  run('Browser tests on a cluster (playwright.cluster.config.ts)', bin('playwright'), ['test', '--config', 'playwright.cluster.config.ts'], { CHROMIUM_PATH: chromium });
  const clusterCounted = countJson('test-results/e2e-cluster.json', playwrightCounts, playwrightFailures);
  if (!clusterCounted) {
    totals.failed += 1;
    failures.push('Playwright on the cluster wrote no report');
  }
  check('Bench smoke run (npm run bench, 1 s per hot path)', process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/bench-smoke.ts']);
}

if (flaky.length > 0) console.log(`\nPassed on a retry (flaky):\n${flaky.map((name) => `  ~ ${name}`).join('\n')}`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((name) => `  ✘ ${name}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
