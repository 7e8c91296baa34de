/** npm run db:migrate: applies the committed migrations to DATABASE_URL, SQLite or PostgreSQL (npm start does this too). */
import { closeDb, databaseReady } from '@/db/client';
import { databaseLabel } from '@/lib/env';
import { compactStoredProgress } from '@/lib/progress/upgrade';

async function main() {
  await databaseReady();
  const compacted = await compactStoredProgress();
  if (compacted.applied) console.log(`Compacted the watched intervals of ${compacted.changed} lesson rows`);
  console.log(`Migrated ${databaseLabel()}`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
