import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { aptInstall, isRoot } from '../cluster/processes';

/**
 * Debian's PostgreSQL programs, for the servers Aula starts itself (the
 * cluster, the tests, the bench): the newest installed version's bin folder,
 * installed with apt when missing and we are root.
 */
export function postgresBinDir(whoStartsIt: string): string {
  const root = '/usr/lib/postgresql';
  const find = () => (existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'pg_ctl'))) : undefined);
  const found = find() ?? (aptInstall('postgresql') ? find() : undefined);
  if (!found) throw new Error(`PostgreSQL is not installed: on Debian/Ubuntu, apt-get install -y postgresql (${whoStartsIt} its own server)`);
  return found;
}

/** A PostgreSQL program's command line, as the `postgres` user when we are root (initdb and the server refuse root). */
export function asServerUser(program: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}
