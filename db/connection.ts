import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { cacheStatements } from './statement-cache';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating the folder and file if needed) the SQLite connection, tuned for a web server. */
export function openSqlite(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return cacheStatements(sqlite);
}

/** Drizzle over an open connection. */
export function wrapSqlite(sqlite: Database.Database): Db {
  return drizzle(sqlite, { schema });
}

export function openDatabase(file: string): Db {
  return wrapSqlite(openSqlite(file));
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

/**
 * Closes a connection for good: everything in the write-ahead log is copied
 * into the database file and the log emptied first, so the file alone is
 * complete once the app has stopped.
 */
export function closeSqlite(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}
