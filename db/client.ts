import 'server-only';
import { databasePath } from '@/lib/env';
import { migrateDatabase, openDatabase, type Db } from './connection';

const globalForDb = globalThis as unknown as { aulaDb?: Db };

/**
 * The process's database, opened on first use (never at import, so that
 * `next build` does not need it). Migrating here too is idempotent and
 * keeps `next dev` or a bare `next start` working on an empty file.
 */
export function getDb(): Db {
  if (!globalForDb.aulaDb) {
    const db = openDatabase(databasePath());
    migrateDatabase(db);
    globalForDb.aulaDb = db;
  }
  return globalForDb.aulaDb;
}
