import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres, pgMigrationsFolder } from '../connection-pg';
import { quoteName, type Endpoint } from './endpoint';
import type { TableSpec } from './tables';
import { canonicalRow, type Row } from './values';

/** Bound parameters per INSERT, well under PostgreSQL's limit of 65,535. */
const parametersPerInsert = 30_000;

/** The URL as it may be printed: the password hidden. */
export function postgresLabel(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A PostgreSQL database as one side of db:copy, on one connection of its own. */
export async function postgresEndpoint(url: string): Promise<Endpoint> {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {}); // reported by the query that meets it
  // One connection, held for the whole copy (given back to the pool only while migrations run on it).
  let active: pg.PoolClient | undefined = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw new Error(`cannot connect to ${postgresLabel(url)}: ${error.message}`);
  });
  const connection = () => {
    if (!active) throw new Error('db:copy: the PostgreSQL connection is closed');
    return active;
  };
  let cursors = 0;
  const columns = (spec: TableSpec) => spec.columns.map((c) => quoteName(c.name)).join(', ');
  // Text sorts bytewise ("C"), as SQLite's BINARY collation does, whatever the database's collation.
  const orderBy = (spec: TableSpec) =>
    spec.primaryKey.map((name) => `${quoteName(name)}${spec.columns.find((c) => c.name === name)?.kind === 'text' ? ' collate "C"' : ''}`).join(', ');

  return {
    label: postgresLabel(url),
    async migrations() {
      const known = (JSON.parse(readFileSync(path.join(pgMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
      const exists = (await connection().query<{ found: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as found`)).rows[0]!.found;
      const applied = exists ? (await connection().query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]!.n : 0;
      return { applied, known };
    },
    async migrate() {
      connection().release();
      active = undefined;
      await migratePostgres(pool); // under the same lock as npm start's migrations
      active = await pool.connect();
    },
    async beginRead() {
      await connection().query('begin isolation level repeatable read read only');
    },
    async beginWrite() {
      await connection().query('begin');
    },
    async end(commit) {
      await connection().query(commit ? 'commit' : 'rollback');
    },
    async *batches(spec, size) {
      const cursor = `aula_copy_${++cursors}`;
      await connection().query(`declare ${cursor} no scroll cursor for select ${columns(spec)} from ${quoteName(spec.name)} order by ${orderBy(spec)}`);
      try {
        for (;;) {
          const { rows } = await connection().query<unknown[]>({ text: `fetch forward ${size} from ${cursor}`, rowMode: 'array' });
          if (rows.length === 0) break;
          yield rows.map((raw) => canonicalRow(spec, raw));
          if (rows.length < size) break;
        }
      } finally {
        await connection().query(`close ${cursor}`);
      }
    },
    async hasRows(table) {
      return (await connection().query<{ found: boolean }>(`select exists(select 1 from ${quoteName(table)}) as found`)).rows[0]!.found;
    },
    async clear(tables) {
      await connection().query(`truncate ${tables.map(quoteName).join(', ')} restart identity`);
    },
    async insert(spec, rows: Row[]) {
      const width = spec.columns.length;
      const perStatement = Math.max(1, Math.floor(parametersPerInsert / width));
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const tuples = chunk.map((_, r) => `(${spec.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
        await connection().query(`insert into ${quoteName(spec.name)} (${columns(spec)}) values ${tuples.join(', ')}`, chunk.flat());
      }
    },
    async identityCounter(spec) {
      const sequence = await sequenceOf(spec);
      const { rows } = await connection().query<{ last_value: number; is_called: boolean }>(`select last_value, is_called from ${sequence}`);
      return rows[0]!.is_called ? Number(rows[0]!.last_value) : 0;
    },
    async setIdentityCounter(spec, last) {
      const sequence = await sequenceOf(spec);
      await connection().query('select setval($1::regclass, $2, $3)', [sequence, Math.max(last, 1), last >= 1]);
    },
    async close() {
      active?.release();
      active = undefined;
      await pool.end();
    },
  };

  async function sequenceOf(spec: TableSpec): Promise<string> {
    const { rows } = await connection().query<{ sequence: string | null }>('select pg_get_serial_sequence($1, $2) as sequence', [quoteName(spec.name), spec.identity]);
    if (!rows[0]?.sequence) throw new Error(`${spec.name}.${spec.identity} has no identity sequence`);
    return rows[0].sequence;
  }
}
