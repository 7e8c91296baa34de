/** npm run db:migrate: applies the committed migrations to DATABASE_URL (npm start does this too). */
import { getDb } from '@/db/client';
import { databasePath } from '@/lib/env';

getDb();
console.log(`Migrated ${databasePath()}`);
