import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema-pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const pgMigrationsFolder = path.join(process.cwd(), 'db', 'migrations-pg');

// bigint (epoch milliseconds, count(*)) and numeric (sum, avg) arrive as numbers, as
// they do from SQLite: every value Aula keeps fits a double exactly. Set on pg's
// global parsers because drizzle passes those with every query.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** A connection pool (PG_POOL_SIZE connections, 10 by default) for one process. */
export function openPostgres(url: string): pg.Pool {
  const size = Number(process.env.PG_POOL_SIZE) || 10;
  const pool = new pg.Pool({ connectionString: url, max: size, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection the server dropped is discarded by the pool; without a listener the error would end the process.
  pool.on('error', (error) => console.error('PostgreSQL: an idle connection failed:', error.message));
  return pool;
}

export function wrapPostgres(pool: pg.Pool): PgDb {
  return drizzle(pool, { schema });
}

/**
 * Applies the PostgreSQL migrations, holding a session advisory lock so that
 * app instances starting together migrate one after the other.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const db = drizzle(client, { schema });
    await db.execute(sql`select pg_advisory_lock(hashtextextended('aula:migrate', 0))`);
    try {
      await migrate(db, { migrationsFolder: pgMigrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(hashtextextended('aula:migrate', 0))`);
    }
  } finally {
    client.release();
  }
}
