import 'server-only';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { databaseConfig } from '@/lib/env';
import { closeSqlite, migrateDatabase, openSqlite, wrapSqlite, type Db } from './connection';
import { migratePostgres, openPostgres, wrapPostgres, type PgDb } from './connection-pg';

export type Engine = 'sqlite' | 'postgres';

/**
 * One connection (SQLite) or one pool (PostgreSQL) per process, kept on
 * globalThis: `npm start` serves Next in its own process, so its bundled copy
 * of this module and the start script's copy share it (each wraps it in its
 * own Drizzle instance, so tables and queries never cross copies), and
 * `next dev` keeps it across reloads.
 */
const shared = globalThis as unknown as {
  aulaSqlite?: Database.Database;
  aulaPool?: pg.Pool;
  aulaPoolReady?: Promise<void>;
  aulaDbClosed?: boolean;
};
let sqliteDb: Db | undefined;
let pgDb: PgDb | undefined;

/** The engine DATABASE_URL names. */
export function engine(): Engine {
  return databaseConfig().engine;
}

function openedSqlite(file: string): Db {
  if (!shared.aulaSqlite) {
    const opened = wrapSqlite(openSqlite(file));
    migrateDatabase(opened);
    shared.aulaSqlite = opened.$client;
    sqliteDb = opened;
  }
  if (sqliteDb?.$client !== shared.aulaSqlite) sqliteDb = wrapSqlite(shared.aulaSqlite);
  return sqliteDb;
}

function openedPostgres(url: string): PgDb {
  if (!shared.aulaPool) {
    shared.aulaPool = openPostgres(url);
    const pool = shared.aulaPool;
    shared.aulaPoolReady = migratePostgres(pool);
    // Not awaited here: databaseReady() waits, and reports the failure to whoever queries.
    shared.aulaPoolReady.catch(() => {});
  }
  if (pgDb?.$client !== shared.aulaPool) pgDb = wrapPostgres(shared.aulaPool);
  return pgDb;
}

/**
 * The process's database, opened on first use (never at import, so that
 * `next build` does not need it) and migrated (idempotent; keeps `next dev` or
 * a bare `next start` working on an empty database). Typed as the SQLite
 * Drizzle database for the query builders both engines share; only db/ uses
 * it, and runs what it builds through ./query.ts, which works on either.
 */
export function getDb(): Db {
  if (shared.aulaDbClosed) throw new Error('The database is closed: the server is stopping');
  const config = databaseConfig();
  return config.engine === 'sqlite' ? openedSqlite(config.file) : (openedPostgres(config.url) as unknown as Db);
}

/** Resolves once the database is open and migrated (PostgreSQL migrates asynchronously). */
export async function databaseReady(): Promise<void> {
  getDb();
  if (shared.aulaPoolReady) await shared.aulaPoolReady;
}

/** The open SQLite connection (for BEGIN IMMEDIATE in ./query.ts). */
export function sqliteConnection(): Database.Database {
  getDb();
  if (!shared.aulaSqlite) throw new Error('Not a SQLite database');
  return shared.aulaSqlite;
}

/** Checkpoints and closes SQLite, or ends the PostgreSQL pool; later calls to getDb() throw. */
export async function closeDb(): Promise<void> {
  shared.aulaDbClosed = true;
  if (shared.aulaSqlite) closeSqlite(shared.aulaSqlite);
  shared.aulaSqlite = undefined;
  sqliteDb = undefined;
  const pool = shared.aulaPool;
  shared.aulaPool = undefined;
  pgDb = undefined;
  if (pool) await pool.end();
}
