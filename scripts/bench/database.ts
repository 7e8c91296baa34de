import pg from 'pg';
import { startTestPostgres } from '../../tests/support/postgres-server';

/**
 * `BENCH_DATABASE=postgres` (or `--database=postgres`): a throwaway PostgreSQL
 * server for the run, started as the tests start theirs (Debian's binaries, a
 * data directory in a temporary folder, its own port), with one empty database
 * that Aula migrates at start. Returns its URL and how to stop it.
 */
export async function throwawayPostgres(): Promise<{ url: string; stop: () => void }> {
  const server = await startTestPostgres();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE aula_bench');
  await admin.end();
  return { url: server.url('aula_bench'), stop: server.stop };
}
