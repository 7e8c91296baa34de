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
 *   npm run bench -- --cluster         on PostgreSQL, two Aula instances behind nginx (BENCH_CLUSTER=1): each path is
 *                                      measured on instance A alone, on the cluster (nginx → A, B) and on the reference,
 *                                      round by round; the cluster column gives its req/s, p99 and cluster ÷ one instance
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAdmin, demoEmail, demoPassword, launchAula } from './bench/aula';
import { createClient } from './bench/client';
import { launchCluster } from './bench/cluster';
import { confirmSessions, signInLearners } from './bench/learners';
import { measure, type Sample } from './bench/load';
import { hotPaths, type BenchContext } from './bench/paths';
import { ensureReferenceBuild, packageVersion, startReference } from './bench/reference';
import { formatTable, ratioOf, summarise, type PathResult } from './bench/report';
import { throwawayPostgres } from './bench/database';
import { freePort, stopProcess, type Server } from './bench/servers';
import { readSettings, selectPaths, SettingsError } from './bench/settings';
import type { ClusterNginx } from './cluster/nginx';

const root = process.cwd();
const servers: Server[] = [];
const proxies: ClusterNginx[] = [];
const stopDatabases: (() => void)[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'aula-bench-'));
const began = performance.now();
const say = (text: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${text}`);

let cleaning: Promise<void> | undefined;

/** nginx first (no new requests), then the servers, then the databases; once, however often it is asked. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const proxy of proxies) await proxy.stop().catch((error: Error) => console.error('Stopping nginx:', error.message));
    await Promise.all(servers.map((server) => stopProcess(server)));
    for (const stop of stopDatabases) stop();
    rmSync(scratch, { recursive: true, force: true });
  })();
  return cleaning;
}

/** A signal has started the clean-up (the measuring loop ends, nothing is written). */
const interrupted = () => cleaning !== undefined;

// `on`, not `once`: a Ctrl-C reaches this process from the terminal and again from npm, and a second
// signal without a listener would end the bench before it has stopped what it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanUp().then(() => process.exit(130)));
}

/** A scratch Aula with `learners` demo learners and the bench admin, started as `npm start` starts it, on SQLite or PostgreSQL. */
async function startPreparedAula(learners: number, database: 'sqlite' | 'postgres', port?: number): Promise<Server> {
  const databaseUrl = database === 'postgres' ? await startPostgres() : undefined;
  const server = await launchAula(root, scratch, { learners, port, say, databaseUrl });
  servers.push(server);
  return server;
}

async function startPostgres(): Promise<string> {
  say('Starting a throwaway PostgreSQL server…');
  const postgres = await throwawayPostgres();
  stopDatabases.push(postgres.stop);
  return postgres.url;
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
  const settings = readSettings(process.env, process.argv.slice(2));
  if (process.argv.includes('--serve')) return serve(settings.adminLearners, settings.database);
  const selected = selectPaths(hotPaths, settings.paths);
  const startedAt = new Date();
  const loadStart = os.loadavg();

  if (ensureReferenceBuild(root)) say('Reference built.');
  const referenceServer = await startReference(root, await freePort(), path.join(scratch, 'reference.sqlite'));
  servers.push(referenceServer);
  const cluster = settings.cluster ? await launchCluster(root, scratch, { learners: settings.adminLearners, databaseUrl: await startPostgres(), say, running: { servers, proxies } }) : undefined;
  const aulaBase = settings.target ?? cluster?.one ?? (await startPreparedAula(settings.adminLearners, settings.database)).base;

  const aula = createClient(aulaBase);
  const clustered = cluster && createClient(cluster.base);
  const reference = createClient(referenceServer.base);
  // With a cluster, everyone signs in once through nginx: sessions live in the database, valid on both instances.
  const signInAt = clustered ?? aula;
  say(`Signing in ${settings.learners} learners and the admin at ${signInAt.base}…`);
  const learners = await signInLearners(signInAt, settings.learners);
  const adminCookie = await signInAt.signIn(process.env.BENCH_ADMIN_EMAIL || benchAdmin.email, process.env.BENCH_ADMIN_PASSWORD || benchAdmin.password);
  for (const base of cluster?.instances ?? []) {
    const direct = createClient(base);
    await confirmSessions(direct, learners);
    direct.close();
  }
  const context: BenchContext = { aula, aulaBase, reference, learners, adminCookie, root };
  // Each path is prepared once per Aula base: form posts and Origins must name the address they go to.
  const clusterContext: BenchContext | undefined = cluster && clustered && { ...context, aula: clustered, aulaBase: cluster.base };
  const load = { connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds };
  console.log(`${selected.length} paths × ${settings.rounds} rounds × (Aula, ${cluster ? 'cluster, ' : ''}reference), ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.seconds} s each\n`);

  const paths: Record<string, PathResult> = {};
  for (const hot of selected) {
    const prepared = await hot.prepare(context);
    const preparedCluster = clusterContext && (await hot.prepare(clusterContext));
    const rounds: { aula: Sample[]; cluster: Sample[]; reference: Sample[] } = { aula: [], cluster: [], reference: [] };
    const reqPerSec = (side: Sample[]) => `${side.at(-1)!.reqPerSec.toFixed(0)} req/s`;
    for (let round = 1; round <= settings.rounds; round++) {
      if (interrupted()) return;
      rounds.aula.push(await measure(aulaBase, prepared.aula, load));
      if (cluster && preparedCluster) rounds.cluster.push(await measure(cluster.base, preparedCluster.aula, load));
      rounds.reference.push(await measure(referenceServer.base, prepared.reference, load));
      say(`${hot.name}: round ${round}/${settings.rounds}, Aula ${reqPerSec(rounds.aula)}${cluster ? `, cluster ${reqPerSec(rounds.cluster)}` : ''}, reference ${reqPerSec(rounds.reference)}`);
    }
    const [aulaSide, referenceSide] = [summarise(rounds.aula), summarise(rounds.reference)];
    const clusterSide = preparedCluster && summarise(rounds.cluster);
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
      ...(clusterSide && { cluster: clusterSide, clusterRatio: ratioOf(clusterSide, aulaSide), ...(preparedCluster.outcomes && { clusterOutcomes: preparedCluster.outcomes }) }),
    };
  }
  aula.close();
  clustered?.close();
  reference.close();

  // Stopped by a signal: what was measured after the servers went is no result, and must not replace one.
  if (interrupted()) return;
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
    // Without --cluster the file is as it was before the cluster column: no `cluster` keys at all.
    settings: { ...withoutCluster(settings), ...(cluster && { cluster: true }), loadGenerator: `autocannon ${packageVersion(root, 'autocannon')}` },
    aula: { base: aulaBase, startedByBench: !settings.target, database: settings.target ? null : settings.database, demoLearners: settings.target ? null : settings.adminLearners },
    ...(cluster && { cluster: { base: cluster.base, instances: cluster.instances } }),
    reference: { base: referenceServer.base },
    paths,
  };
  mkdirSync(path.dirname(path.resolve(root, settings.out)), { recursive: true });
  writeFileSync(path.resolve(root, settings.out), `${JSON.stringify(results, null, 2)}\n`);
  const load1 = results.machine.loadAverage;
  console.log(`\n${cpus.length} CPUs (${results.machine.cpuModel}), load average ${load1.start[0]} → ${load1.end[0]}, Node ${results.machine.node}, Next ${results.machine.next}`);
  console.log(`${load.connections} connections, ${load.seconds} s × ${settings.rounds} rounds (median), loopback; Aula at ${aulaBase}${settings.target ? ' (BENCH_TARGET)' : ` on ${settings.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}`}`);
  if (cluster) console.log(`Cluster: nginx at ${cluster.base} → ${cluster.instances.join(', ')}; "÷ one" is cluster req/s ÷ Aula's (instance A alone)`);
  console.log('');
  console.log(formatTable(paths));
  console.log(`\nWritten to ${settings.out}`);
}

function withoutCluster<T extends { cluster: boolean }>({ cluster: _cluster, ...rest }: T): Omit<T, 'cluster'> {
  return rest;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof SettingsError ? error.message : error);
    // A refused connection usually means a server died under the run: say which, and what it last wrote.
    for (const server of servers.filter((s) => s.child.exitCode !== null || s.child.signalCode !== null)) {
      console.error(`The server at ${server.base} had exited (${server.child.signalCode ?? `code ${server.child.exitCode}`}):\n${server.stderr()}`);
    }
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
