/**
 * `npm run cluster [-- --instances N] [--dir DIR]`: Aula as it runs on several
 * machines, on this one. PostgreSQL with its own data directory (DIR/pg,
 * created on the first run), one production build, N app instances (2 by
 * default) on free ports of 127.0.0.1, and nginx on PORT (3000 by default)
 * spreading requests over them. Prints the URL; Ctrl-C or SIGTERM stops nginx,
 * then the instances (gracefully), then PostgreSQL. DIR is data/cluster.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseEnv } from '@/lib/env';
import { startInstance, type Instance } from './cluster/instances';
import { startNginx, type ClusterNginx } from './cluster/nginx';
import { startPostgres, type ClusterPostgres } from './cluster/postgres';
import { freePort } from './cluster/processes';
import { clusterSecret } from './cluster/secret';
import { ensureBuild } from './lib/ensure-build';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '2' }, dir: { type: 'string', default: path.join('data', 'cluster') } } });
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error('--instances: must be a whole number from 1 to 16');
  process.exit(1);
}
const dir = path.resolve(values.dir!);

const parts: { postgres?: ClusterPostgres; instances: Instance[]; nginx?: ClusterNginx } = { instances: [] };
let stopping: Promise<void> | undefined;

/** nginx first (no new requests), then every instance (each finishes its requests), then PostgreSQL. */
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    await parts.nginx?.stop().catch((error: Error) => console.error('Stopping nginx:', error.message));
    await Promise.all(parts.instances.map((instance) => instance.stop().catch((error: Error) => console.error(`Stopping instance ${instance.index}:`, error.message))));
    try {
      parts.postgres?.stop();
    } catch (error) {
      console.error('Stopping PostgreSQL:', (error as Error).message);
    }
  })();
  return stopping;
}

async function main() {
  const settings = parseEnv(process.env); // a wrong PORT, HOST or SITE_URL stops here, naming the variable
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  parts.postgres = await startPostgres(dir, await freePort());
  console.log(`PostgreSQL is serving on 127.0.0.1:${parts.postgres.port} (data in ${path.join(dir, 'pg')})`);

  const siteUrl = process.env.SITE_URL || `http://localhost:${settings.PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: parts.postgres.url,
    AUTH_SECRET: clusterSecret(dir),
    SITE_URL: siteUrl,
    // nginx appends the client's address to X-Forwarded-For; the instances listen on 127.0.0.1 only.
    TRUST_PROXY: process.env.TRUST_PROXY || '1',
  };
  // One build for every instance, made before any starts (each would otherwise build it at once).
  await ensureBuild(process.cwd(), env);

  // The first instance migrates the database and creates the first admin; the others then find both done.
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  parts.instances.push(await startInstance(1, ports[0]!, env));
  parts.instances.push(...(await Promise.all(ports.slice(1).map((port, i) => startInstance(i + 2, port, env)))));
  for (const instance of parts.instances) {
    instance.process.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`Instance ${instance.index} exited (${signal ?? `code ${code}`}): stopping the cluster`);
      void stopAll().then(() => process.exit(1));
    });
  }

  parts.nginx = await startNginx({ dir, listen: { host: settings.HOST, port: settings.PORT }, upstreams: parts.instances.map((instance) => new URL(instance.url).host) });
  const url = `http://${settings.HOST ?? 'localhost'}:${settings.PORT}`;
  // For scripts and tests (and `DATABASE_URL=… npm run user:create`): where everything is. Holds the database password.
  const pids = { cluster: process.pid, nginx: parts.nginx.process.pid, instances: parts.instances.map((i) => i.process.pid), postgres: parts.postgres.pid() };
  writeFileSync(path.join(dir, 'cluster.json'), JSON.stringify({ url, siteUrl, instances: parts.instances.map((i) => i.url), databaseUrl: parts.postgres.url, pids }, null, 2), { mode: 0o600 });
  console.log(`\nAula cluster is serving on ${url}: nginx → ${parts.instances.map((i) => i.url).join(', ')}, PostgreSQL. Ctrl-C stops it.\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log(`${signal}: stopping nginx, the instances and PostgreSQL…`);
    void stopAll().then(() => {
      console.log('Cluster stopped');
      process.exit(0);
    });
  });
}

main().catch(async (error: unknown) => {
  console.error((error as Error).name === 'EnvError' ? (error as Error).message : error);
  await stopAll();
  process.exit(1);
});
