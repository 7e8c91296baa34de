import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Every test file gets its own fresh database: a SQLite file (getDb() migrates it
// on first use) or, with AULA_TEST_DB=postgres, a copy of the migrated template
// on the run's PostgreSQL server (tests/support/global-setup.ts).
if (process.env.AULA_TEST_PG_URL && process.env.AULA_TEST_PG_ADMIN) {
  const { default: pg } = await import('pg');
  const name = `aula_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.AULA_TEST_PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE aula_template`);
  await admin.end();
  process.env.DATABASE_URL = process.env.AULA_TEST_PG_URL.replace('__database__', name);
} else {
  process.env.DATABASE_URL = path.join(mkdtempSync(path.join(os.tmpdir(), 'aula-unit-')), 'test.sqlite');
}
