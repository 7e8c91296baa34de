import 'server-only';
import type Database from 'better-sqlite3';
import { databasePath } from '@/lib/env';
import { closeSqlite, migrateDatabase, openSqlite, wrapSqlite, type Db } from './connection';

/**
 * One SQLite connection per process, kept on globalThis: `npm start` serves
 * Next in its own process, so its bundled copy of this module and the
 * start script's copy share the connection (each wraps it in its own
 * Drizzle instance, so tables and queries never cross copies), and `next dev`
 * keeps it across reloads.
 */
const shared = globalThis as unknown as { aulaSqlite?: Database.Database; aulaSqliteClosed?: boolean };
let db: Db | undefined;

/**
 * The process's database, opened on first use (never at import, so that
 * `next build` does not need it). Migrating here too is idempotent and
 * keeps `next dev` or a bare `next start` working on an empty file.
 */
export function getDb(): Db {
  if (shared.aulaSqliteClosed) throw new Error('The database is closed: the server is stopping');
  if (!shared.aulaSqlite) {
    const opened = wrapSqlite(openSqlite(databasePath()));
    migrateDatabase(opened);
    shared.aulaSqlite = opened.$client;
    db = opened;
  }
  if (db?.$client !== shared.aulaSqlite) db = wrapSqlite(shared.aulaSqlite);
  return db;
}

/** Checkpoints and closes the process's database; later calls to getDb() throw. */
export function closeDb(): void {
  shared.aulaSqliteClosed = true;
  if (shared.aulaSqlite) closeSqlite(shared.aulaSqlite);
  shared.aulaSqlite = undefined;
  db = undefined;
}
