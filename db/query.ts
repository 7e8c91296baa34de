import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type SQL } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as sqliteSchema from './schema';
import * as pgSchema from './schema-pg';
import { databaseReady, engine, getDb, sqliteConnection } from './client';

export { engine } from './client';
import type { Db } from './connection';

/*
 * How db/ runs what it builds, on either engine. Query functions build with
 * getDb() and the tables of tables(), then hand the query to rows(), first()
 * or changes(); transaction() gives a block the guarantees SQLite's BEGIN
 * IMMEDIATE gives, on both engines.
 *
 * SQLite has one connection per process, and better-sqlite3 runs statements
 * synchronously, so an open transaction would take in any statement another
 * request runs meanwhile. A gate (shared on globalThis, like the connection)
 * keeps them out: while a transaction is open, statements from elsewhere wait
 * for it to end; statements inside it (found through AsyncLocalStorage) run.
 */

type Scope = { open: boolean; pgTx?: unknown };
type Gate = { held: boolean; waiting: (() => void)[]; scopes: AsyncLocalStorage<Scope> };
const shared = globalThis as unknown as { aulaSqliteGate?: Gate };
const gate: Gate = (shared.aulaSqliteGate ??= { held: false, waiting: [], scopes: new AsyncLocalStorage<Scope>() });

function acquire(): Promise<void> {
  if (!gate.held) {
    gate.held = true;
    return Promise.resolve();
  }
  return new Promise((resolve) => gate.waiting.push(resolve));
}

function release(): void {
  const next = gate.waiting.shift();
  if (next) next(); // handed on: the gate stays held
  else gate.held = false;
}

function openScope(): Scope | undefined {
  const scope = gate.scopes.getStore();
  return scope?.open ? scope : undefined;
}

/** Runs a synchronous SQLite statement now, unless another context's transaction is open. */
export async function onSqlite<T>(statement: () => T): Promise<T> {
  if (openScope() || !gate.held) return statement();
  await acquire();
  try {
    return statement();
  } finally {
    release();
  }
}

/** The database handle for this context: inside a PostgreSQL transaction, its own. */
export function db(): Db {
  const scope = openScope();
  return (scope?.pgTx as Db | undefined) ?? getDb();
}

/** The engine's tables, typed as the SQLite schema (./schema-pg.ts is its checked twin). */
export type Tables = typeof sqliteSchema;
export function tables(): Tables {
  return engine() === 'postgres' ? (pgSchema as unknown as Tables) : sqliteSchema;
}

/** SQL that differs between the engines (scalar min/max, collation, row identity, casts). */
export function bySql(forms: { sqlite: SQL; postgres: SQL }): SQL {
  return forms[engine()];
}

type Query<T> = { all(): T[]; get(): T | undefined };
type Runnable = { run(): { changes: number } };

export async function rows<T>(query: Query<T>): Promise<T[]> {
  if (engine() === 'sqlite') return onSqlite(() => query.all());
  await databaseReady();
  return (await (query as unknown as PromiseLike<T[]>)) as T[];
}

export async function first<T>(query: Query<T>): Promise<T | undefined> {
  if (engine() === 'sqlite') return onSqlite(() => query.get());
  return (await rows(query))[0];
}

/** Runs an insert, update or delete; returns how many rows it changed. */
export async function changes(query: Runnable): Promise<number> {
  if (engine() === 'sqlite') return onSqlite(() => query.run().changes);
  await databaseReady();
  return (await (query as unknown as PromiseLike<{ rowCount: number | null }>)).rowCount ?? 0;
}

/** Rows of a raw SQL statement (both engines read the same text). */
export async function rawRows<T>(statement: SQL): Promise<T[]> {
  if (engine() === 'sqlite') return onSqlite(() => db().all<T>(statement));
  await databaseReady();
  return (await (db() as unknown as NodePgDatabase).execute(statement)).rows as T[];
}

export async function rawRun(statement: SQL): Promise<void> {
  if (engine() === 'sqlite') return void (await onSqlite(() => db().run(statement)));
  await databaseReady();
  await (db() as unknown as NodePgDatabase).execute(statement);
}

/** A unique index refused the write (SQLite or PostgreSQL, wrapped by Drizzle or not). */
export function isUniqueViolation(error: unknown): boolean {
  const codes = [error, (error as { cause?: unknown } | undefined)?.cause].map((e) => (e as { code?: string } | undefined)?.code);
  return codes.some((code) => code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505');
}

/**
 * Runs `work` in one transaction: all or nothing, and serialized with the
 * other transactions that need it. On SQLite, BEGIN IMMEDIATE takes the write
 * lock up front (every transaction queues). On PostgreSQL, each of `locks`
 * (e.g. `progress:<user id>`, `roles`) is taken as a transaction advisory
 * lock first, so transactions naming the same lock run one after the other,
 * as they do on SQLite; the others run side by side. A transaction inside one
 * joins it. Keep `work` to database work: on SQLite the gate is held meanwhile.
 */
export async function transaction<T>(work: () => Promise<T>, { locks = [] }: { locks?: string[] } = {}): Promise<T> {
  if (openScope()) return work();
  if (engine() === 'sqlite') {
    await acquire();
    const scope: Scope = { open: true };
    try {
      const sqlite = sqliteConnection();
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await gate.scopes.run(scope, work);
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    } finally {
      scope.open = false;
      release();
    }
  }
  await databaseReady();
  return (getDb() as unknown as NodePgDatabase).transaction(async (tx) => {
    const scope: Scope = { open: true, pgTx: tx };
    try {
      return await gate.scopes.run(scope, async () => {
        await lock(...locks);
        return work();
      });
    } finally {
      scope.open = false;
    }
  });
}

/**
 * Inside transaction(): waits for, then holds until the end, the named locks
 * (PostgreSQL advisory locks, in a fixed order). On SQLite nothing to do: BEGIN
 * IMMEDIATE already keeps every other writer out.
 */
export async function lock(...keys: string[]): Promise<void> {
  const scope = openScope();
  if (!scope) throw new Error('lock() belongs inside transaction()');
  const tx = scope.pgTx as NodePgDatabase | undefined;
  if (!tx) return;
  for (const key of [...new Set(keys)].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
