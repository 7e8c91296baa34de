/**
 * npm run db:backup -- --to FILE [--force]
 * Writes a consistent copy of DATABASE_URL to FILE with SQLite's online
 * backup API; safe while the app is serving. Refuses to replace an existing
 * FILE unless --force.
 */
import { parseArgs } from 'node:util';
import { databasePath, EnvError } from '@/lib/env';
import { backupCommand } from './lib/backup-commands';

async function main() {
  const { values } = parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  if (!values.to) throw new Error('say where: npm run db:backup -- --to FILE');
  console.log(await backupCommand({ database: databasePath(), to: values.to, force: values.force }));
}

main().catch((error: unknown) => {
  console.error(`db:backup: ${error instanceof EnvError ? error.message : (error as Error).message}`);
  process.exit(1);
});
