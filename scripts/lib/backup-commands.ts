import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, restoreDatabase } from '@/db/backup';

/**
 * `db:backup`: a consistent copy of `database` at `to`, refusing to write
 * over the database itself or, unless `force`, over an existing file.
 * Returns what to print; a refusal throws, saying why.
 */
export async function backupCommand({ database, to, force }: { database: string; to: string; force: boolean }): Promise<string> {
  const target = path.resolve(to);
  if (!existsSync(database)) throw new Error(`${database} does not exist: nothing to back up (is DATABASE_URL right?)`);
  if ([database, `${database}-wal`, `${database}-shm`].includes(target)) throw new Error(`--to ${to} is the database itself: choose another file`);
  if (existsSync(target) && !force) throw new Error(`${target} exists: choose another name, or add --force to replace it`);
  mkdirSync(path.dirname(target), { recursive: true });
  const started = performance.now();
  await backupDatabase({ from: database, to: target });
  const megabytes = (statSync(target).size / 2 ** 20).toFixed(1);
  return `Backed up ${database} to ${target} (${megabytes} MB, integrity ok) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** `db:restore`: replaces `database` with the backup `from` (see restoreDatabase for what it refuses). */
export async function restoreCommand({ database, from, force }: { database: string; from: string; force: boolean }): Promise<string> {
  const source = path.resolve(from);
  const { keptAs } = await restoreDatabase({ from: source, to: database, replace: force });
  return [
    `Restored ${source} into ${database} (integrity ok).`,
    ...(keptAs ? [`The database it replaced is kept as ${keptAs}; delete it once the app runs well.`] : []),
    'Start the app again (npm start): it applies any newer migrations.',
  ].join('\n');
}
