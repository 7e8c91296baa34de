import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase, databaseInUse, integrityProblems, restoreDatabase } from '@/db/backup';
import { closeSqlite, migrateDatabase, openDatabase } from '@/db/connection';

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'aula-backup-'));

/** An Aula database (all migrations) at `file`, closed. */
function createDatabase(file: string): void {
  const db = openDatabase(file);
  migrateDatabase(db);
  closeSqlite(db.$client);
}

/** Another process that writes like the app: each transaction adds a user and that user's session. */
function startWriter(file: string, ms: number) {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(process.argv[1]);
    db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('busy_timeout = 5000');
    const user = db.prepare("INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, 'W', 'x', 'learner', 0, 0)");
    const session = db.prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, 0, 9999999999999)');
    const pair = db.transaction((n) => { user.run('u' + n, 'w' + n + '@example.com'); session.run('s' + n, 'u' + n); });
    let n = 0; const end = Date.now() + Number(process.argv[2]);
    const tick = () => { for (let i = 0; i < 20; i++) pair(n++); if (n === 20) console.log('writing'); if (Date.now() < end) setTimeout(tick, 1); else { db.close(); console.log('wrote ' + n); } };
    tick();`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const started = new Promise<void>((resolve) => child.stdout.on('data', () => output.includes('writing') && resolve()));
  const finished = new Promise<number>((resolve) => child.on('exit', () => resolve(Number(/wrote (\d+)/.exec(output)?.[1]))));
  return { started, finished };
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  const row = db.prepare(`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM sessions) AS sessions,
    (SELECT count(*) FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE u.id IS NULL) AS orphans`).get() as { users: number; sessions: number; orphans: number };
  db.close();
  return row;
}

const checksum = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups', () => {
  it('copies a consistent database while another process writes to it, and restores it', async () => {
    const dir = scratch();
    const live = path.join(dir, 'aula.sqlite');
    createDatabase(live);
    const writer = startWriter(live, 3_000);
    await writer.started;
    const seen: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const copy = path.join(dir, `backup-${i}.sqlite`);
      const committedBefore = counts(live).users; // including what is still only in the write-ahead log
      await backupDatabase({ from: live, to: copy });
      expect(integrityProblems(copy)).toEqual([]);
      const { users, sessions, orphans } = counts(copy);
      expect(users).toBeGreaterThanOrEqual(committedBefore);
      // One state of the database: every transaction is in the copy whole, or not at all.
      expect(sessions).toBe(users);
      expect(orphans).toBe(0);
      seen.push(users);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const written = await writer.finished;
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[2]).toBeGreaterThan(seen[0]!); // the writes went on while the copies were made
    expect(written).toBeGreaterThan(seen[2]!);
    // A backup is one file, readable by its owner only, with no write-ahead log beside it.
    expect(readdirSync(dir).filter((name) => name.startsWith('backup-3'))).toEqual(['backup-3.sqlite']);

    const { keptAs } = await restoreDatabase({ from: path.join(dir, 'backup-3.sqlite'), to: live, replace: true });
    expect(counts(live).users).toBe(seen[2]);
    expect(integrityProblems(live)).toEqual([]);
    expect(keptAs && counts(keptAs).users).toBe(written); // the replaced database is kept aside, whole
  }, 30_000);

  it('refuses a corrupted backup and leaves the database as it was', async () => {
    const dir = scratch();
    const live = path.join(dir, 'aula.sqlite');
    createDatabase(live);
    const copy = path.join(dir, 'backup.sqlite');
    await backupDatabase({ from: live, to: copy });
    const fd = openSync(copy, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 4096 * 3); // one page of the backup overwritten
    closeSync(fd);
    const before = checksum(live);

    expect(integrityProblems(copy)).not.toEqual([]);
    await expect(restoreDatabase({ from: copy, to: live, replace: true })).rejects.toThrow(/failed its integrity check, nothing was restored/);
    expect(checksum(live)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['aula.sqlite', 'backup.sqlite']);
  });

  it('refuses a database a running app has open, and an existing one without --force', async () => {
    const dir = scratch();
    const live = path.join(dir, 'aula.sqlite');
    createDatabase(live);
    const copy = path.join(dir, 'backup.sqlite');
    await backupDatabase({ from: live, to: copy });

    const app = openDatabase(live); // as the serving process holds it
    app.$client.prepare('SELECT count(*) FROM users').get();
    expect(databaseInUse(live)).toBe(true);
    await expect(restoreDatabase({ from: copy, to: live, replace: true })).rejects.toThrow(/open in a running app: stop the app first/);
    closeSqlite(app.$client);
    expect(databaseInUse(live)).toBe(false);

    await expect(restoreDatabase({ from: copy, to: live, replace: false })).rejects.toThrow(/exists: add --force/);
    const fresh = path.join(dir, 'elsewhere', 'aula.sqlite');
    expect(await restoreDatabase({ from: copy, to: fresh, replace: false })).toEqual({ keptAs: undefined });
    expect(existsSync(fresh)).toBe(true);
  });

  it('refuses a file that is not an Aula database', async () => {
    const dir = scratch();
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE notes (x)');
    await expect(restoreDatabase({ from: other, to: path.join(dir, 'aula.sqlite'), replace: true })).rejects.toThrow(/not an Aula database/);
    await expect(restoreDatabase({ from: path.join(dir, 'missing.sqlite'), to: path.join(dir, 'aula.sqlite'), replace: true })).rejects.toThrow(/does not exist/);
  });
});
