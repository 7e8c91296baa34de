import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeSqlite, migrateDatabase, migrationsFolder, openSqlite, wrapSqlite } from '../connection';
import { quoteName, type Endpoint } from './endpoint';
import type { TableSpec } from './tables';
import { canonicalRow, type Row } from './values';

function knownMigrations(folder: string): number {
  return (JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
}

/** A SQLite file as one side of db:copy. A source must exist (it is never created); a target is created if missing. */
export function sqliteEndpoint(file: string, role: 'source' | 'target'): Endpoint {
  if (role === 'source' && !existsSync(file)) throw new Error(`${file} does not exist`);
  const db = role === 'source' ? new Database(file, { fileMustExist: true }) : openSqlite(file);
  if (role === 'source') db.pragma('busy_timeout = 5000');
  const columns = (spec: TableSpec) => spec.columns.map((c) => quoteName(c.name)).join(', ');

  return {
    label: file,
    async migrations() {
      const applied = db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get() as { n: number };
      const count = applied.n ? (db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
      return { applied: count, known: knownMigrations(migrationsFolder) };
    },
    async migrate() {
      migrateDatabase(wrapSqlite(db));
    },
    async beginRead() {
      db.exec('BEGIN');
      db.prepare('select count(*) from sqlite_master').get(); // a deferred transaction takes its snapshot at the first read
    },
    async beginWrite() {
      db.exec('BEGIN IMMEDIATE');
    },
    async end(commit) {
      if (db.inTransaction) db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    },
    async *batches(spec, size) {
      const statement = db.prepare(`select ${columns(spec)} from ${quoteName(spec.name)} order by ${spec.primaryKey.map(quoteName).join(', ')}`).raw(true);
      let batch: Row[] = [];
      for (const raw of statement.iterate() as IterableIterator<unknown[]>) {
        batch.push(canonicalRow(spec, raw));
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async hasRows(table) {
      return (db.prepare(`select exists(select 1 from ${quoteName(table)}) as found`).get() as { found: number }).found === 1;
    },
    async clear(tables) {
      for (const table of [...tables].reverse()) db.prepare(`delete from ${quoteName(table)}`).run();
      if (hasSequences()) db.prepare(`delete from sqlite_sequence where name in (${tables.map(() => '?').join(', ')})`).run(...tables);
    },
    async insert(spec, rows) {
      const statement = db.prepare(`insert into ${quoteName(spec.name)} (${columns(spec)}) values (${spec.columns.map(() => '?').join(', ')})`);
      for (const row of rows) statement.run(...row.map((value) => (typeof value === 'boolean' ? Number(value) : value)));
    },
    async identityCounter(spec) {
      if (!hasSequences()) return 0;
      return (db.prepare('select seq from sqlite_sequence where name = ?').get(spec.name) as { seq: number } | undefined)?.seq ?? 0;
    },
    async setIdentityCounter(spec, last) {
      // Inserting explicit ids already moved the counter to the largest; this carries over a higher one from the source.
      if (db.prepare('update sqlite_sequence set seq = ? where name = ?').run(last, spec.name).changes === 0 && last > 0) {
        db.prepare('insert into sqlite_sequence (name, seq) values (?, ?)').run(spec.name, last);
      }
    },
    async close() {
      if (role === 'target') closeSqlite(db); // checkpointed: the file alone holds the copy
      else if (db.open) db.close();
    },
  };

  function hasSequences(): boolean {
    return db.prepare(`select 1 from sqlite_master where name = 'sqlite_sequence'`).get() !== undefined;
  }
}
