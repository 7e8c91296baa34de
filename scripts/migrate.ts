/** npm run db:migrate: applies the committed migrations to DATABASE_URL (npm start does this too). */
import { getDb } from '@/db/client';
import { databasePath } from '@/lib/env';
import { compactStoredProgress } from '@/lib/progress/upgrade';

getDb();
const compacted = compactStoredProgress();
if (compacted.applied) console.log(`Compacted the watched intervals of ${compacted.changed} lesson rows`);
console.log(`Migrated ${databasePath()}`);
