import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext } from '@playwright/test';
import { freePort } from '../../../scripts/lib/free-port';
import { startCommandArgs } from '../../../scripts/lib/start-command';

export { freePort };

/**
 * A production server of our own, for tests that stop, kill or restart it:
 * its own port and its own data folder (database, secret, clock offset), never
 * the shared e2e server's. It uses the existing build.
 */

export type OwnServer = {
  process: ChildProcess;
  baseURL: string;
  /** Everything it printed so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type ServerSite = { dir: string; port: number; database: string; clockFile: string; env: Record<string, string> };

/** A data folder and a port for a server, with the settings it runs with. */
export async function newSite(env: Record<string, string> = {}): Promise<ServerSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-own-server-'));
  const port = await freePort();
  const database = path.join(dir, 'aula.sqlite');
  const clockFile = path.join(dir, 'clock-offset');
  return { dir, port, database, clockFile, env: { PORT: String(port), DATABASE_URL: database, AULA_TEST_CLOCK_FILE: clockFile, ...env } };
}

const running = new Set<ChildProcess>();

/** Kills what a test left running (a failed test may not reach its own stop); use in afterEach. */
export function killServers(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // its whole process group: npm and the server under it
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** Starts the server as `npm start` does (`viaNpm` runs npm itself), and resolves once /api/health answers. */
export async function startServer(site: ServerSite, { viaNpm = false } = {}): Promise<OwnServer> {
  const env = { ...process.env, ...site.env };
  for (const name of ['HOST', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'AUTH_SECRET']) if (!(name in site.env)) delete env[name];
  const command = viaNpm ? ['npm', ['start']] as const : [process.execPath, startCommandArgs()] as const;
  // Detached: a process group of its own, so killServers() reaches npm's child too; signals in the tests go to this process only.
  const child = spawn(command[0], [...command[1]], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const server: OwnServer = { process: child, baseURL: `http://127.0.0.1:${site.port}`, output: () => output, exited };
  let gone = false;
  void exited.then(() => (gone = true));
  for (let waited = 0; waited < 120_000; waited += 250) {
    if (gone) throw new Error(`the server exited while starting:\n${output}`);
    const up = await fetch(`${server.baseURL}/api/health`).then((r) => r.ok, () => false);
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start in 2 minutes:\n${output}`);
}

/** A signed-in client of the server (cookies kept), through the Credentials endpoint as a script signs in. */
export async function signedIn(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const client = await apiRequest.newContext({ baseURL, timeout: 60_000 }); // checking a password takes a while on a busy machine
  const { csrfToken } = await (await client.get('/api/auth/csrf')).json();
  await client.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 });
  const me = await (await client.get('/api/me')).json();
  if (!me?.user) throw new Error(`could not sign in as ${email}: ${JSON.stringify(me)}`);
  return client;
}
