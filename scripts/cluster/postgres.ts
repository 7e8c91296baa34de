import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { asServerUser, postgresBinDir } from '../lib/postgres-programs';
import { isRoot } from './processes';

/**
 * The cluster's PostgreSQL: Debian's server binaries, a data directory of its
 * own (`<dir>/pg`, created with initdb on the first run), a password kept in
 * `<dir>/pg-password` (mode 0600), listening on 127.0.0.1 only. As root it
 * runs as the `postgres` user, which PostgreSQL requires.
 */
export type ClusterPostgres = { url: string; port: number; pid: () => number | undefined; stop: () => void };

const user = 'aula';
const database = 'aula';

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runAsServer(program: string, args: string[]): void {
  execFileSync(...asServerUser(program, args), { stdio: ['ignore', 'ignore', 'inherit'] });
}

function ownedByServer(target: string): void {
  if (!isRoot()) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(target, uid, gid);
}

/** initdb with a generated password for the `aula` superuser, on the first run only. */
function initialize(bin: string, data: string, passwordFile: string): void {
  if (existsSync(path.join(data, 'PG_VERSION'))) return;
  console.log(`Creating the PostgreSQL data directory ${data}…`);
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  mkdirSync(data, { recursive: true, mode: 0o700 });
  ownedByServer(data);
  // initdb reads the password from a file the server's user can read: a private copy, removed at once.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aula-initdb-'));
  const copy = path.join(scratch, 'password');
  writeFileSync(copy, readFileSync(passwordFile, 'utf8'), { mode: 0o600 });
  ownedByServer(scratch);
  ownedByServer(copy);
  try {
    runAsServer(path.join(bin, 'initdb'), ['-D', data, '-U', user, `--pwfile=${copy}`, '-A', 'scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function startPostgres(dir: string, port: number): Promise<ClusterPostgres> {
  const bin = postgresBinDir('the cluster starts');
  const data = path.join(dir, 'pg');
  const passwordFile = path.join(dir, 'pg-password');
  initialize(bin, data, passwordFile);
  chmodSync(passwordFile, 0o600);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
  runAsServer(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(data, 'server.log'), '-w', '-t', '120', '-o', options, 'start']);
  const password = readFileSync(passwordFile, 'utf8').trim();
  const urlOf = (name: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  const stop = () => runAsServer(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  try {
    const admin = new pg.Client({ connectionString: urlOf('postgres') });
    await admin.connect();
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database ${database}`);
    await admin.end();
  } catch (error) {
    stop();
    throw error;
  }
  // The server's process id, from the first line of its postmaster.pid (gone once it stopped).
  const pid = () => (existsSync(path.join(data, 'postmaster.pid')) ? Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) : undefined);
  return { url: urlOf(database), port, pid, stop };
}
