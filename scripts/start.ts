/**
 * `npm start`: validate the configuration, migrate the database, create the
 * first admin on an empty database, build if the build is missing or stale,
 * then serve with `next start` on PORT.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { getDb } from '@/db/client';
import { authSecret, databasePath, env, EnvError } from '@/lib/env';
import { compactStoredProgress } from '@/lib/progress/upgrade';
import { ensureSearchIndex } from '@/lib/search/indexer';
import { ensureBuild } from './lib/ensure-build';
import { ensureFirstAdmin } from './lib/first-admin';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

async function main() {
  const config = env();
  getDb(); // creates data/ and the file, applies migrations
  const compacted = compactStoredProgress();
  if (compacted.applied) console.log(`Compacted the watched intervals of ${compacted.changed} lesson rows`);
  console.log(`Database ready: ${databasePath()}`);
  ensureSearchIndex(); // built from content/ now, so the first search does not wait for it
  const childEnv = { ...process.env, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: 'true', NODE_ENV: 'production' as const };

  const admin = await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  if (admin) {
    console.log('\nCreated the first admin account (shown only this once):');
    console.log(`  e-mail:   ${admin.email}`);
    console.log(`  password: ${admin.generated ? admin.password : '(from ADMIN_PASSWORD)'}\n`);
  }

  ensureBuild(root, childEnv);

  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(config.PORT)], { stdio: 'inherit', env: childEnv });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
