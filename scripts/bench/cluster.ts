import path from 'node:path';
import { startNginx, type ClusterNginx } from '../cluster/nginx';
import { aulaEnv, seedAula, startAula } from './aula';
import { freePort, type Server } from './servers';

/** What `--cluster` measures: instance A alone (`one`), and nginx (`base`) in front of A and B. */
export type BenchCluster = { one: string; base: string; instances: string[] };

/**
 * Seeds the PostgreSQL database at `databaseUrl` once, starts two Aula
 * instances on it as `npm run cluster` does (one environment, so one
 * AUTH_SECRET and sessions valid on both; TRUST_PROXY=1 for nginx's
 * X-Forwarded-For), the first alone and up before the second since it
 * migrates (and builds when the build is stale), then nginx on a free port of
 * 127.0.0.1 with its files under `dir`/cluster. Every part started is put in
 * `running` at once, so that the bench's clean-up stops it, whatever fails next.
 */
export async function launchCluster(
  root: string,
  dir: string,
  { learners, databaseUrl, say, running }: { learners: number; databaseUrl: string; say: (text: string) => void; running: { servers: Server[]; proxies: ClusterNginx[] } },
): Promise<BenchCluster> {
  const env = { ...aulaEnv(dir, await freePort(), databaseUrl), TRUST_PROXY: '1' };
  say(`Seeding ${learners} demo learners into the cluster's PostgreSQL database…`);
  await seedAula(root, env, learners);
  say('Starting instance A (npm start: migrates, builds first if the build is stale)…');
  const a = await startAula(root, env);
  running.servers.push(a);
  say('Starting instance B on the same database…');
  const b = await startAula(root, { ...env, PORT: String(await freePort()) });
  running.servers.push(b);
  const port = await freePort();
  const instances = [a.base, b.base];
  running.proxies.push(await startNginx({ dir: path.join(dir, 'cluster'), listen: { host: '127.0.0.1', port }, upstreams: instances.map((base) => new URL(base).host) }));
  const base = `http://127.0.0.1:${port}`;
  say(`Cluster up: nginx at ${base} → ${instances.join(', ')}`);
  return { one: a.base, base, instances };
}
