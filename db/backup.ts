import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The files SQLite keeps beside a database: they belong to it and move with it. */
const sidecars = ['-wal', '-shm', '-journal'];

/**
 * What `PRAGMA integrity_check` finds wrong with a SQLite file (none: an
 * empty list). A file that is missing or is not a database is a problem too.
 */
export function integrityProblems(file: string): string[] {
  if (!existsSync(file)) return [`${file} does not exist`];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  } catch (error) {
    return [(error as Error).message];
  } finally {
    db?.close();
  }
}

/**
 * Copies `from` into a new file `to` with SQLite's online backup API: the copy
 * is one consistent state of the database even while the app writes to it
 * (the write-ahead log included, which copying the file alone misses). The
 * copy is a single file (rollback journal, no log beside it; the app turns
 * the log back on when it opens it), written beside `to`, checked, readable
 * by its owner only, and only then renamed to `to`, so `to` is never a
 * half-written backup.
 */
export async function backupDatabase({ from, to }: { from: string; to: string }): Promise<void> {
  const partial = `${to}.partial-${process.pid}`;
  const source = new Database(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const problems = integrityProblems(partial);
  if (problems.length) {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${problems.slice(0, 5).join('; ')}`);
  }
  chmodSync(partial, 0o600);
  renameSync(partial, to);
}

/**
 * Whether another connection (a running app) has the database open: taking
 * SQLite's exclusive lock fails while one does. A missing file is not in use.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Renames a database and the files beside it to `<file>.<suffix>`; returns the new name of the database. */
export function moveDatabaseAside(file: string, suffix: string): string {
  const aside = `${file}.${suffix}`;
  for (const extra of ['', ...sidecars]) {
    if (existsSync(file + extra)) renameSync(file + extra, aside + extra);
  }
  return aside;
}

/** Whether a sound SQLite file holds Aula's tables (a backup of something else is refused). */
function looksLikeAula(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'`).get());
  } finally {
    db.close();
  }
}

/**
 * Replaces the database `to` with a checked copy of `from` (made with the
 * backup API, so a `from` with its own write-ahead log is copied whole).
 * Refuses a `from` that fails the integrity check or holds no Aula tables, a
 * `to` that a running app has open, and an existing `to` unless `replace`.
 * The replaced database is kept beside it as `<to>.before-restore-<time>`;
 * returns that name (undefined when `to` did not exist). Nothing changes when it refuses.
 */
export async function restoreDatabase({ from, to, replace, now = new Date() }: { from: string; to: string; replace: boolean; now?: Date }): Promise<{ keptAs?: string }> {
  const problems = integrityProblems(from);
  if (problems.length) throw new Error(`${from} failed its integrity check, nothing was restored: ${problems.slice(0, 5).join('; ')}`);
  if (!looksLikeAula(from)) throw new Error(`${from} is a sound SQLite file but not an Aula database (no users table): nothing was restored`);
  if (databaseInUse(to)) throw new Error(`${to} is open in a running app: stop the app first (nothing was restored)`);
  if (existsSync(to) && !replace) throw new Error(`${to} exists: add --force to replace it (it is then kept beside it as ${path.basename(to)}.before-restore-…)`);
  mkdirSync(path.dirname(to), { recursive: true });
  const staged = path.join(path.dirname(to), `.${path.basename(to)}.restoring-${process.pid}`);
  await backupDatabase({ from, to: staged });
  const keptAs = existsSync(to) ? moveDatabaseAside(to, `before-restore-${now.toISOString().replace(/[:.]/g, '-')}`) : undefined;
  for (const extra of sidecars) rmSync(to + extra, { force: true });
  renameSync(staged, to);
  return { keptAs };
}
