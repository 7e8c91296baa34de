import { z } from 'zod';

/**
 * What a run measures, from the environment (all optional):
 *   BENCH_CONNECTIONS (32)  concurrent connections, for Aula and the reference alike
 *   BENCH_SECONDS (8)       measured seconds per path, per side, per round
 *   BENCH_ROUNDS (2)        rounds: Aula, reference, Aula, reference… (the median counts)
 *   BENCH_WARMUP (2)        seconds of discarded load before each measured run
 *   BENCH_LEARNERS (1000)   signed-in demo learners the signed-in paths rotate through
 *   BENCH_ADMIN_LEARNERS (10000)  demo learners seeded for the admin pages
 *   BENCH_PATHS (default)   path ids or groups (default, admin, all), comma-separated
 *   BENCH_TARGET            base URL of an Aula already running (e.g. nginx in front); none is started
 *   BENCH_OUT (bench-results/latest.json)
 *   BENCH_DATABASE (sqlite) the started Aula's engine: sqlite (a scratch file) or postgres (a throwaway
 *                           PostgreSQL server, started as the tests start theirs); also `--database=postgres`
 *   BENCH_CLUSTER=1         also measure a cluster: two Aula instances on one PostgreSQL behind nginx,
 *                           beside one of them alone and the reference; implies postgres; also `--cluster`
 *   BENCH_SMOKE=1           a quick check that everything runs (npm test): 1 s warm-up + 1 s, 1 round,
 *                           2 connections, 40 signed-in learners, 1,000 demo learners
 */
const count = (min = 1) => z.coerce.number().int().min(min).optional();

const schema = z.object({
  BENCH_SMOKE: z.enum(['0', '1']).default('0'),
  BENCH_CONNECTIONS: count(),
  BENCH_SECONDS: count(),
  BENCH_ROUNDS: count(),
  BENCH_WARMUP: count(0),
  BENCH_LEARNERS: count(),
  BENCH_ADMIN_LEARNERS: count(),
  BENCH_PATHS: z.string().regex(/^[a-z-]+(,[a-z-]+)*$/).default('default'),
  BENCH_TARGET: z.url({ protocol: /^https?$/ }).optional(),
  BENCH_OUT: z.string().min(1).default('bench-results/latest.json'),
  BENCH_DATABASE: z.enum(['sqlite', 'postgres']).optional(),
  BENCH_CLUSTER: z.enum(['0', '1']).default('0'),
});

export type Settings = {
  smoke: boolean;
  connections: number;
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  learners: number;
  adminLearners: number;
  paths: string[];
  target?: string;
  out: string;
  database: 'sqlite' | 'postgres';
  /** Two instances behind nginx measured too (always on PostgreSQL). */
  cluster: boolean;
};

const smoke = { connections: 2, seconds: 1, rounds: 1, warmupSeconds: 1, learners: 40, adminLearners: 1000 };
const full = { connections: 32, seconds: 8, rounds: 2, warmupSeconds: 2, learners: 1000, adminLearners: 10_000 };

export class SettingsError extends Error {}

/** The command line's stand-ins for variables: `--paths=…` (npm run bench:admin), `--database=…`, `--cluster`. */
function argumentEnv(argv: string[]): Record<string, string> {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const paths = value('paths');
  const database = value('database');
  return { ...(paths && { BENCH_PATHS: paths }), ...(database && { BENCH_DATABASE: database }), ...(argv.includes('--cluster') && { BENCH_CLUSTER: '1' }) };
}

export function readSettings(env: Record<string, string | undefined>, argv: string[] = []): Settings {
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('BENCH_') && value !== ''));
  const parsed = schema.safeParse({ ...given, ...argumentEnv(argv) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SettingsError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const v = parsed.data;
  const cluster = v.BENCH_CLUSTER === '1';
  // Instances share sessions and data through PostgreSQL only; an Aula already running is not one the bench can double.
  if (cluster && v.BENCH_DATABASE === 'sqlite') throw new SettingsError('BENCH_CLUSTER: the cluster runs on PostgreSQL, not BENCH_DATABASE=sqlite');
  if (cluster && v.BENCH_TARGET) throw new SettingsError('BENCH_CLUSTER: the bench starts the cluster itself, so BENCH_TARGET cannot be set too');
  const base = v.BENCH_SMOKE === '1' ? smoke : full;
  return {
    smoke: v.BENCH_SMOKE === '1',
    connections: v.BENCH_CONNECTIONS ?? base.connections,
    seconds: v.BENCH_SECONDS ?? base.seconds,
    rounds: v.BENCH_ROUNDS ?? base.rounds,
    warmupSeconds: v.BENCH_WARMUP ?? base.warmupSeconds,
    learners: v.BENCH_LEARNERS ?? base.learners,
    adminLearners: v.BENCH_ADMIN_LEARNERS ?? base.adminLearners,
    paths: v.BENCH_PATHS.split(','),
    target: v.BENCH_TARGET?.replace(/\/$/, ''),
    out: v.BENCH_OUT,
    database: cluster ? 'postgres' : (v.BENCH_DATABASE ?? 'sqlite'),
    cluster,
  };
}

/** The hot paths a run measures: ids, or whole groups. Unknown names are an error that lists the known ones. */
export function selectPaths<P extends { id: string; group: string }>(all: P[], names: string[]): P[] {
  const known = new Set([...all.map((p) => p.id), ...all.map((p) => p.group), 'all']);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new SettingsError(`BENCH_PATHS: unknown ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  return all.filter((p) => names.includes('all') || names.includes(p.id) || names.includes(p.group));
}
