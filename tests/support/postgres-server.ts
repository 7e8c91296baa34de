import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/free-port';
import { asServerUser, postgresBinDir } from '../../scripts/lib/postgres-programs';

/**
 * A throwaway PostgreSQL server for the tests: Debian's binaries (installed
 * with apt when missing and we are root, as scripts/test.mjs does for
 * Chromium), a data directory in a temporary folder, a free port picked now,
 * its unix socket in the same folder. As root it runs as the `postgres` user.
 */
export type TestPostgres = { url: (database: string) => string; stop: () => void };

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir('the tests start');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  execFileSync(...asServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C.UTF-8']), { stdio: 'ignore' });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', "listen_addresses=", '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const server: ChildProcess = spawn(...asServerUser(path.join(bin, 'postgres'), args), { stdio: 'ignore' });
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
        execFileSync(...asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate', '-w']), { stdio: 'ignore' });
      } catch {
        server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
