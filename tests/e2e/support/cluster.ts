import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2e } from './env';
import { freePort } from './own-server';

/**
 * `npm run cluster` for the cluster's browser tests: PostgreSQL, two app
 * instances from the existing production build and nginx in front, in a
 * scratch folder and on free ports. The same first admin and SITE_URL as the
 * main e2e server (so the build is reused), and a progress clock file the
 * tests move forward (lib/progress/clock.ts).
 */
export type Cluster = {
  dir: string;
  /** nginx, in front of both instances. */
  url: string;
  instances: string[];
  databaseUrl: string;
  pids: { cluster: number; nginx: number; instances: number[]; postgres: number };
  clockFile: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-cluster-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user under root and needs to reach its data directory inside
  const clockFile = path.join(dir, 'clock-offset');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SITE_URL: 'http://localhost:3000',
    ADMIN_EMAIL: e2e.admin.email,
    ADMIN_PASSWORD: e2e.admin.password,
    AULA_TEST_CLOCK_FILE: clockFile,
  };
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'HOST', 'TRUST_PROXY']) delete env[name];
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cluster.ts', '--dir', dir, '--instances', '2'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const file = path.join(dir, 'cluster.json');
  for (let waited = 0; !existsSync(file); waited += 250) {
    if (child.exitCode !== null) throw new Error(`the cluster exited while starting:\n${output}`);
    if (waited > 240_000) {
      child.kill('SIGTERM');
      throw new Error(`the cluster did not start in 4 minutes:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const written = JSON.parse(readFileSync(file, 'utf8')) as Pick<Cluster, 'instances' | 'databaseUrl' | 'pids'>;
  // nginx by the same host name as the instances, so that a client's cookies go to all three.
  return { dir, ...written, url: `http://127.0.0.1:${port}`, clockFile, process: child, output: () => output, exited };
}

/** Whether a process with this id is still there. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
