/**
 * npm run db:restore -- --from FILE [--force]
 * Replaces DATABASE_URL with the backup FILE. Stop the app first. Refuses a
 * FILE that fails PRAGMA integrity_check, a database a running app has open,
 * and an existing database unless --force; the replaced one is kept beside
 * it as <name>.before-restore-<time>.
 */
import { parseArgs } from 'node:util';
import { databasePath, EnvError } from '@/lib/env';
import { restoreCommand } from './lib/backup-commands';

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  if (!values.from) throw new Error('say which backup: npm run db:restore -- --from FILE');
  console.log(await restoreCommand({ database: databasePath(), from: values.from, force: values.force }));
}

main().catch((error: unknown) => {
  console.error(`db:restore: ${error instanceof EnvError ? error.message : (error as Error).message}`);
  process.exit(1);
});
