/**
 * npm run db:copy -- --from <sqlite file | postgres://…> --to <postgres://… | sqlite file> [--force] [--verify]
 * Copies every table from one database to another, SQLite to PostgreSQL or
 * back, in one transaction on the target, and checks row counts and a
 * checksum per table (db/copy). --force empties a target that has rows;
 * --verify only compares the two databases. Exit code 1 on any mismatch.
 */
import { parseArgs } from 'node:util';
import { copyDatabase, CopyRefused, parseLocation, verifyDatabases } from '@/db/copy';
import { formatCopyReport } from '@/db/copy/report';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false }, verify: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.from || !values.to) throw new CopyRefused('say from where and to where: npm run db:copy -- --from data/aula.sqlite --to postgres://user:password@host:5432/aula');
  const from = parseLocation(values.from);
  const to = parseLocation(values.to);
  const started = performance.now();
  const report = values.verify ? await verifyDatabases({ from, to }) : await copyDatabase({ from, to, force: values.force });
  console.log(formatCopyReport(report));
  const rows = report.tables.reduce((sum, t) => sum + t.sourceRows, 0).toLocaleString('en');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (values.verify) {
    console.log(report.ok ? `The two databases hold the same ${rows} rows (${seconds} s).` : 'The databases differ (MISMATCH above).');
  } else if (report.ok) {
    console.log(`Copied ${report.tables.length} tables, ${rows} rows, in ${seconds} s; every count and checksum matches. The search index is rebuilt when Aula starts on the copy.`);
  } else {
    console.log('The copy did not match its source (MISMATCH above): it was rolled back, nothing was written.');
  }
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:copy: ${error instanceof CopyRefused ? error.message : ((error as Error).stack ?? String(error))}`);
    process.exit(error instanceof CopyRefused ? 2 : 1);
  },
);
