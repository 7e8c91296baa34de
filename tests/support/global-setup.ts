import pg from 'pg';
import { startTestPostgres, type TestPostgres } from './postgres-server';

/**
 * With AULA_TEST_DB=postgres, the integration tests run on PostgreSQL: one
 * server for the run, and a template database migrated once, which each test
 * file copies into its own fresh database (tests/support/setup.ts).
 */
let server: TestPostgres | undefined;

export async function setup() {
  if (process.env.AULA_TEST_DB !== 'postgres') return;
  server = await startTestPostgres();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE aula_template');
  await admin.end();
  const { migratePostgres, openPostgres } = await import('../../db/connection-pg');
  const pool = openPostgres(server.url('aula_template'));
  await migratePostgres(pool);
  await pool.end();
  process.env.AULA_TEST_PG_ADMIN = server.url('postgres');
  process.env.AULA_TEST_PG_URL = server.url('__database__');
}

export function teardown() {
  server?.stop();
}
