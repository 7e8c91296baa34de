import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeSqlite, migrateDatabase, openDatabase } from '@/db/connection';
import { demoEmailDomain } from '@/db/demo';
import { backupCommand } from '../../scripts/lib/backup-commands';

// The operator's commands, run as `npm run …` runs them (tsx with the react-server condition).
function run(script: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: a command that should have stopped but went on is stopped whole
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function databaseWithUsers(file: string, emails: string[]): void {
  const db = openDatabase(file);
  migrateDatabase(db);
  const insert = db.$client.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, 'X', 'x', 'learner', 0, 0)`);
  emails.forEach((email, i) => insert.run(`user-${i}`, email));
  closeSqlite(db.$client);
}

const userCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  db.close();
  return n;
};

describe('npm start', () => {
  it('stops at once on a SITE_URL that is not a URL, naming it, before touching the database', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-start-'));
    const database = path.join(dir, 'aula.sqlite');
    const { code, out } = await run('scripts/start.ts', [], { SITE_URL: 'not-a-url', DATABASE_URL: database, PORT: '1' }, 20_000);
    expect(code).toBe(1);
    expect(out).toMatch(/SITE_URL: must be an absolute http\(s\) URL/);
    expect(existsSync(database)).toBe(false);
  }, 30_000);
});

describe('db:backup and db:restore', () => {
  it('back up to a file and restore it; a corrupted file is refused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-cli-'));
    const database = path.join(dir, 'aula.sqlite');
    databaseWithUsers(database, ['ada@example.com', 'bea@example.com']);
    const backup = path.join(dir, 'backups', 'aula-1.sqlite');

    const saved = await run('scripts/db-backup.ts', ['--to', backup], { DATABASE_URL: database });
    expect(saved.out).toMatch(/Backed up .* \(.* MB, integrity ok\)/);
    expect(saved.code).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const corrupted = path.join(dir, 'corrupted.sqlite');
    copyFileSync(backup, corrupted);
    const fd = openSync(corrupted, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 4096 * 3);
    closeSync(fd);
    const refused = await run('scripts/db-restore.ts', ['--from', corrupted, '--force'], { DATABASE_URL: database });
    expect([refused.code, refused.out]).toEqual([1, expect.stringMatching(/failed its integrity check, nothing was restored/)]);

    const target = path.join(dir, 'restored', 'aula.sqlite');
    const restored = await run('scripts/db-restore.ts', ['--from', backup], { DATABASE_URL: target });
    expect(restored.out).toMatch(/Restored .* \(integrity ok\)/);
    expect(restored.code).toBe(0);
    expect(userCount(target)).toBe(2);
  }, 120_000);

  it('db:backup refuses to write over an existing file without --force, or over the database itself', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-cli-'));
    const database = path.join(dir, 'aula.sqlite');
    databaseWithUsers(database, ['ada@example.com']);
    const backup = path.join(dir, 'aula-1.sqlite');
    await backupCommand({ database, to: backup, force: false });
    await expect(backupCommand({ database, to: backup, force: false })).rejects.toThrow(/exists: choose another name, or add --force/);
    expect(await backupCommand({ database, to: backup, force: true })).toMatch(/Backed up/);
    for (const itself of [database, `${database}-wal`]) {
      await expect(backupCommand({ database, to: itself, force: true })).rejects.toThrow(/is the database itself/);
    }
    await expect(backupCommand({ database: path.join(dir, 'missing.sqlite'), to: path.join(dir, 'x.sqlite'), force: false })).rejects.toThrow(/does not exist/);
  });
});

describe('db:seed-demo', () => {
  it('refuses a database with real users unless --force', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-seed-'));
    const real = path.join(dir, 'real.sqlite');
    databaseWithUsers(real, ['owner@example.com']);

    const refused = await run('scripts/seed-demo.ts', ['--learners', '3'], { DATABASE_URL: real });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/1 user\(s\) besides demo learners, so it looks like a real database: nothing was added/);
    expect(userCount(real)).toBe(1);

    const forced = await run('scripts/seed-demo.ts', ['--learners', '3', '--force'], { DATABASE_URL: real });
    expect(forced.code).toBe(0);
    expect(userCount(real)).toBe(4);
  }, 120_000);

  it('counts demo learners as not real, and anyone else (the first admin too) as real', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-seed-'));
    const file = path.join(dir, 'demo.sqlite');
    databaseWithUsers(file, [`learner000001@${demoEmailDomain}`, `learner000002@${demoEmailDomain}`]);
    const db = openDatabase(file);
    const count = () => (db.$client.prepare(`SELECT count(*) AS n FROM users WHERE email NOT LIKE '%@${demoEmailDomain}'`).get() as { n: number }).n;
    expect(count()).toBe(0);
    db.$client.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES ('a', 'admin@aula.local', 'A', 'x', 'admin', 0, 0)`).run();
    expect(count()).toBe(1);
    closeSqlite(db.$client);
  });
});
