import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/free-port';

/**
 * A throwaway PostgreSQL server for the tests: Debian's binaries (installed
 * with apt when missing and we are root, as scripts/test.mjs does for
 * Chromium), a data directory in a temporary folder, a free port picked now,
 * its unix socket in the same folder. As root it runs as the `postgres` user.
 */
export type TestPostgres = { url: (database: string) => string; stop: () => void };

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const find = () => (existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb'))) : undefined);
  let found = find();
  if (!found && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = find();
  }
  if (!found) throw new Error('PostgreSQL is not installed: on Debian/Ubuntu, apt-get install -y postgresql (the tests start their own server)');
  return found;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  const data = path.join(dir, 'data');
  execFileSync(...run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C.UTF-8']), { stdio: 'ignore' });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', "listen_addresses=", '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const server: ChildProcess = spawn(...run(path.join(bin, 'postgres'), args), { stdio: 'ignore' });
  server.unref();
  const url = (database: string) => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dir)}&port=${port}`;
  const socket = path.join(dir, `.s.PGSQL.${port}`);
  for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!existsSync(socket)) throw new Error('The test PostgreSQL server did not start');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    url,
    stop: () => {
      try {
        execFileSync(...run(path.join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate', '-w']), { stdio: 'ignore' });
      } catch {
        server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
