/**
 * npm run bench: measures Aula's hot paths side by side with a bare Next.js
 * app of the same Next version (scripts/bench/reference, built once into
 * .bench/reference), in alternation in the same run (Aula, reference, Aula,
 * reference…), on loopback, with autocannon at a fixed number of connections
 * and many signed-in learners. Prints a table and writes the same as JSON
 * (bench-results/latest.json). Settings: see scripts/bench/settings.ts.
 *
 *   npm run bench                      start Aula on a scratch database (10,000 demo learners) and measure
 *   BENCH_TARGET=http://127.0.0.1:8080 npm run bench   measure an Aula already running there (nginx in front…)
 *   npm run bench:admin                the admin dashboard and learners list pages (BENCH_PATHS=admin)
 *   npm run bench:serve                only start the prepared Aula (for BENCH_TARGET), until Ctrl-C
 *   npm run bench -- --database=postgres   the same with Aula on a throwaway PostgreSQL server (BENCH_DATABASE)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAdmin, demoEmail, demoPassword, launchAula } from './bench/aula';
import { createClient } from './bench/client';
import { signInLearners } from './bench/learners';
import { measure, type Sample } from './bench/load';
import { hotPaths, type BenchContext } from './bench/paths';
import { ensureReferenceBuild, packageVersion, startReference } from './bench/reference';
import { formatTable, ratioOf, summarise, type PathResult } from './bench/report';
import { throwawayPostgres } from './bench/database';
import { freePort, stopProcess, type Server } from './bench/servers';
import { readSettings, selectPaths, SettingsError } from './bench/settings';

const root = process.cwd();
const servers: Server[] = [];
const stopDatabases: (() => void)[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aula-bench-'));
const began = performance.now();
const say = (text: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${text}`);

async function cleanUp() {
  await Promise.all(servers.map((server) => stopProcess(server)));
  for (const stop of stopDatabases.splice(0)) stop();
  rmSync(scratch, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

/** A scratch Aula with `learners` demo learners and the bench admin, started as `npm start` starts it, on SQLite or PostgreSQL. */
async function startPreparedAula(learners: number, database: 'sqlite' | 'postgres', port?: number): Promise<Server> {
  let databaseUrl: string | undefined;
  if (database === 'postgres') {
    say('Starting a throwaway PostgreSQL server…');
    const postgres = await throwawayPostgres();
    stopDatabases.push(postgres.stop);
    databaseUrl = postgres.url;
  }
  const server = await launchAula(root, scratch, { learners, port, say, databaseUrl });
  servers.push(server);
  return server;
}

async function serve(adminLearners: number, database: 'sqlite' | 'postgres') {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const server = await startPreparedAula(adminLearners, database, port);
  console.log(`\nAula is up at ${server.base} (scratch database, stops with Ctrl-C).`);
  console.log(`Learners ${demoEmail(1)}…${demoEmail(adminLearners)}, password "${demoPassword}"; admin ${benchAdmin.email} / "${benchAdmin.password}".`);
  console.log(`Measure it (or a proxy in front of it) with: BENCH_TARGET=${server.base} npm run bench`);
  await new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
}

async function main() {
  // `--paths=…` (npm run bench:admin) stands for BENCH_PATHS.
  // `--database=postgres` stands for BENCH_DATABASE.
  const pathsArgument = process.argv.find((arg) => arg.startsWith('--paths='))?.slice('--paths='.length);
  const databaseArgument = process.argv.find((arg) => arg.startsWith('--database='))?.slice('--database='.length);
  const settings = readSettings({ ...process.env, ...(pathsArgument && { BENCH_PATHS: pathsArgument }), ...(databaseArgument && { BENCH_DATABASE: databaseArgument }) });
  if (process.argv.includes('--serve')) return serve(settings.adminLearners, settings.database);
  const selected = selectPaths(hotPaths, settings.paths);
  const startedAt = new Date();
  const loadStart = os.loadavg();

  if (ensureReferenceBuild(root)) say('Reference built.');
  const referenceServer = await startReference(root, await freePort(), path.join(scratch, 'reference.sqlite'));
  servers.push(referenceServer);
  const aulaBase = settings.target ?? (await startPreparedAula(settings.adminLearners, settings.database)).base;

  const aula = createClient(aulaBase);
  const reference = createClient(referenceServer.base);
  say(`Signing in ${settings.learners} learners and the admin at ${aulaBase}…`);
  const learners = await signInLearners(aula, settings.learners);
  const adminCookie = await aula.signIn(process.env.BENCH_ADMIN_EMAIL || benchAdmin.email, process.env.BENCH_ADMIN_PASSWORD || benchAdmin.password);
  const context: BenchContext = { aula, aulaBase, reference, learners, adminCookie, root };
  const load = { connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds };
  console.log(`${selected.length} paths × ${settings.rounds} rounds × (Aula, reference), ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.seconds} s each\n`);

  const paths: Record<string, PathResult> = {};
  for (const hot of selected) {
    const prepared = await hot.prepare(context);
    const rounds: { aula: Sample[]; reference: Sample[] } = { aula: [], reference: [] };
    for (let round = 1; round <= settings.rounds; round++) {
      rounds.aula.push(await measure(aulaBase, prepared.aula, load));
      rounds.reference.push(await measure(referenceServer.base, prepared.reference, load));
      say(`${hot.name}: round ${round}/${settings.rounds}, Aula ${rounds.aula.at(-1)!.reqPerSec.toFixed(0)} req/s, reference ${rounds.reference.at(-1)!.reqPerSec.toFixed(0)} req/s`);
    }
    const [aulaSide, referenceSide] = [summarise(rounds.aula), summarise(rounds.reference)];
    paths[hot.id] = {
      name: hot.name,
      request: `${prepared.aula.method ?? 'GET'} ${prepared.aula.path}`,
      referenceIs: prepared.referenceIs,
      referenceRequest: `${prepared.reference.method ?? 'GET'} ${prepared.reference.path}`,
      ...(prepared.sizes && { sizes: prepared.sizes }),
      ...(prepared.outcomes && { outcomes: prepared.outcomes }),
      aula: aulaSide,
      reference: referenceSide,
      ratio: ratioOf(aulaSide, referenceSide),
    };
  }
  aula.close();
  reference.close();

  const cpus = os.cpus();
  const results = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: { start: loadStart.map((l) => Math.round(l * 100) / 100), end: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      platform: `${os.platform()} ${os.release()}`,
      node: process.versions.node,
      next: packageVersion(root, 'next'),
      react: packageVersion(root, 'react'),
    },
    settings: { ...settings, loadGenerator: `autocannon ${packageVersion(root, 'autocannon')}` },
    aula: { base: aulaBase, startedByBench: !settings.target, database: settings.target ? null : settings.database, demoLearners: settings.target ? null : settings.adminLearners },
    reference: { base: referenceServer.base },
    paths,
  };
  mkdirSync(path.dirname(path.resolve(root, settings.out)), { recursive: true });
  writeFileSync(path.resolve(root, settings.out), `${JSON.stringify(results, null, 2)}\n`);
  const load1 = results.machine.loadAverage;
  console.log(`\n${cpus.length} CPUs (${results.machine.cpuModel}), load average ${load1.start[0]} → ${load1.end[0]}, Node ${results.machine.node}, Next ${results.machine.next}`);
  console.log(`${load.connections} connections, ${load.seconds} s × ${settings.rounds} rounds (median), loopback; Aula at ${aulaBase}${settings.target ? ' (BENCH_TARGET)' : ` on ${settings.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}`}\n`);
  console.log(formatTable(paths));
  console.log(`\nWritten to ${settings.out}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof SettingsError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
