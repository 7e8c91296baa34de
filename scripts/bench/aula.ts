import { spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startCommandArgs } from '../lib/start-command';
import { freePort, startProcess, waitUntilUp, type Server } from './servers';

export const demoPassword = 'demo learner passphrase';
export const benchAdmin = { email: 'admin@bench.aula.test', password: 'steady quiet measuring words' };
export const demoEmail = (n: number) => `learner${String(n).padStart(6, '0')}@demo.aula.test`;

const tsx = (root: string) => [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server'];

/** The environment `npm start` gets for a bench: a scratch database (a SQLite file in `dir`, or `databaseUrl`) and a fixed secret, nothing shared with data/. */
export function aulaEnv(dir: string, port?: number, databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl ?? path.join(dir, 'aula.sqlite'),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: benchAdmin.email,
    ADMIN_PASSWORD: benchAdmin.password,
    ...(port ? { PORT: String(port) } : {}),
  };
}

function run(root: string, env: NodeJS.ProcessEnv, script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [...tsx(root), script, ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr.toString()}`);
}

/**
 * A scrypt hash in the app's own format (`scrypt$N$r$p$salt$hash`) at N=2^10
 * instead of 2^17. verifyPassword reads the parameters from the stored hash,
 * so signing in stays the real Auth.js flow, only about 100× cheaper: signing
 * in a thousand learners takes seconds instead of an hour on a busy machine.
 */
export function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Fills the scratch database: `learners` demo learners with believable
 * progress (npm run db:seed-demo), the bench admin (npm run user:create), then
 * cheap password hashes for all of them (scratch data only).
 */
export async function seedAula(root: string, env: NodeJS.ProcessEnv, learners: number): Promise<void> {
  run(root, env, 'scripts/seed-demo.ts', ['--learners', String(learners)]);
  run(root, env, 'scripts/user-create.ts', ['--email', benchAdmin.email, '--password', benchAdmin.password, '--role', 'admin', '--name', 'Bench Admin']);
  const demo = cheapHash(demoPassword);
  const admin = cheapHash(benchAdmin.password);
  if (/^postgres(ql)?:/.test(env.DATABASE_URL!)) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("UPDATE users SET password_hash = $1 WHERE email LIKE '%@demo.aula.test'", [demo]);
      await client.query('UPDATE users SET password_hash = $1 WHERE email = $2', [admin, benchAdmin.email]);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(env.DATABASE_URL!);
  try {
    db.prepare("UPDATE users SET password_hash = ? WHERE email LIKE '%@demo.aula.test'").run(demo);
    db.prepare('UPDATE users SET password_hash = ? WHERE email = ?').run(admin, benchAdmin.email);
  } finally {
    db.close();
  }
}

/** Starts Aula as `npm start` does (migrates, builds when stale, serves on PORT) and waits for /api/health. */
export async function startAula(root: string, env: NodeJS.ProcessEnv, { log = false } = {}): Promise<Server> {
  const server = startProcess(`http://127.0.0.1:${env.PORT}`, startCommandArgs(path.join(root, 'scripts', 'start.ts')), { cwd: root, env, log });
  await waitUntilUp(server, `${server.base}/api/health`, 20 * 60_000);
  return server;
}

/** Seeds a scratch database (in `dir`, or at `databaseUrl`) with `learners` demo learners and the bench admin, then starts Aula on it. */
export async function launchAula(root: string, dir: string, { learners, port, say, databaseUrl }: { learners: number; port?: number; say: (text: string) => void; databaseUrl?: string }): Promise<Server> {
  const env = aulaEnv(dir, port ?? (await freePort()), databaseUrl);
  say(`Seeding ${learners} demo learners into a scratch ${databaseUrl ? 'PostgreSQL' : 'SQLite'} database…`);
  await seedAula(root, env, learners);
  say('Starting Aula (npm start: migrates, builds first if the build is stale)…');
  return startAula(root, env);
}
