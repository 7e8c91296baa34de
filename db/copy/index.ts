import path from 'node:path';
import { isPostgresUrl } from '@/lib/env';
import type { Endpoint, Location } from './endpoint';
import { postgresEndpoint } from './postgres';
import { sqliteEndpoint } from './sqlite';
import { copiedTables, derivedTables, type TableSpec } from './tables';
import { TableChecksum } from './values';

export type { Location } from './endpoint';

/** A refusal the user can act on (printed as one line, without a stack). */
export class CopyRefused extends Error {
  name = 'CopyRefused';
}

export type TableCheck = { table: string; sourceRows: number; targetRows: number; sourceChecksum: string; targetChecksum: string; ok: boolean };
export type CopyReport = { tables: TableCheck[]; ok: boolean; written: boolean };

/** `postgres://…` is PostgreSQL; anything else a SQLite file (a `file:` prefix is accepted). */
export function parseLocation(value: string): Location {
  if (isPostgresUrl(value)) {
    if (!URL.canParse(value)) throw new CopyRefused(`${value.replace(/:[^:@/]*@/, ':***@')} is not a valid postgres:// URL`);
    return { engine: 'postgres', url: value };
  }
  const file = value.replace(/^file:/, '');
  if (!file) throw new CopyRefused('a SQLite file path or a postgres:// URL is needed');
  return { engine: 'sqlite', file: path.resolve(file) };
}

function sameLocation(a: Location, b: Location): boolean {
  if (a.engine === 'sqlite' && b.engine === 'sqlite') return a.file === b.file;
  return a.engine === 'postgres' && b.engine === 'postgres' && new URL(a.url).toString() === new URL(b.url).toString();
}

async function open(location: Location, role: 'source' | 'target'): Promise<Endpoint> {
  return location.engine === 'sqlite' ? sqliteEndpoint(location.file, role) : postgresEndpoint(location.url);
}

async function checkMigrated(endpoint: Endpoint): Promise<void> {
  const { applied, known } = await endpoint.migrations();
  if (applied < known) {
    throw new CopyRefused(
      `${endpoint.label} ${applied === 0 ? 'is not an Aula database (no migrations applied)' : `has ${applied} of the ${known} migrations`}: ` +
        'run `npm run db:migrate` with DATABASE_URL set to it first (db:copy never writes to its source)',
    );
  }
}

/** Row counts and checksums of every table, read in the endpoint's current transaction. */
async function checksums(endpoint: Endpoint, specs: TableSpec[], batchSize: number): Promise<Map<string, TableChecksum>> {
  const sums = new Map<string, TableChecksum>();
  for (const spec of specs) {
    const sum = new TableChecksum();
    for await (const batch of endpoint.batches(spec, batchSize)) sum.add(batch);
    sums.set(spec.name, sum);
  }
  return sums;
}

function compare(specs: TableSpec[], source: Map<string, { rows: number; digest: string }>, target: Map<string, TableChecksum>): TableCheck[] {
  return specs.map((spec) => {
    const s = source.get(spec.name)!;
    const t = target.get(spec.name)!;
    const targetChecksum = t.digest();
    return { table: spec.name, sourceRows: s.rows, targetRows: t.rows, sourceChecksum: s.digest, targetChecksum, ok: s.rows === t.rows && s.digest === targetChecksum };
  });
}

/**
 * Copies every table from one database to another (SQLite or PostgreSQL,
 * either way). The source is read in one snapshot and never written. The
 * target is migrated, then filled in one transaction: refused when it holds
 * rows (unless `force`, which empties it in that transaction), tables in
 * foreign-key order, in batches, identity counters carried over, and
 * verified (row counts and checksums against the source's) before the
 * commit; on a mismatch it rolls back and nothing is written.
 */
export async function copyDatabase({ from, to, force = false, batchSize = 1000 }: { from: Location; to: Location; force?: boolean; batchSize?: number }): Promise<CopyReport> {
  if (sameLocation(from, to)) throw new CopyRefused('--from and --to are the same database');
  const specs = copiedTables();
  const source = await open(from, 'source');
  let target: Endpoint | undefined;
  try {
    await checkMigrated(source);
    target = await open(to, 'target');
    await target.migrate();
    await source.beginRead();
    await target.beginWrite();
    let committed = false;
    try {
      const filled = [];
      for (const spec of specs) if (await target.hasRows(spec.name)) filled.push(spec.name);
      if (filled.length > 0 && !force) {
        throw new CopyRefused(`${target.label} is not empty (rows in ${filled.join(', ')}): nothing was copied. Copy into an empty database, or add --force to empty it first, in the same transaction as the copy.`);
      }
      if (force) await target.clear([...specs.map((s) => s.name), ...derivedTables]);
      const copied = new Map<string, { rows: number; digest: string }>();
      for (const spec of specs) {
        const sum = new TableChecksum();
        let largestId = 0;
        const identity = spec.identity ? spec.columns.findIndex((c) => c.name === spec.identity) : -1;
        for await (const batch of source.batches(spec, batchSize)) {
          sum.add(batch);
          if (identity >= 0) for (const row of batch) largestId = Math.max(largestId, row[identity] as number);
          await target.insert(spec, batch);
        }
        if (spec.identity) await target.setIdentityCounter(spec, Math.max(largestId, await source.identityCounter(spec)));
        copied.set(spec.name, { rows: sum.rows, digest: sum.digest() });
      }
      const tables = compare(specs, copied, await checksums(target, specs, batchSize));
      const ok = tables.every((t) => t.ok);
      await target.end(ok);
      committed = ok;
      return { tables, ok, written: ok };
    } finally {
      if (!committed) await target.end(false).catch(() => {});
      await source.end(false).catch(() => {});
    }
  } finally {
    await target?.close();
    await source.close();
  }
}

/** Compares two databases table by table (row counts and checksums), writing nothing. */
export async function verifyDatabases({ from, to, batchSize = 1000 }: { from: Location; to: Location; batchSize?: number }): Promise<CopyReport> {
  const specs = copiedTables();
  const sides = [await open(from, 'source')];
  try {
    sides.push(await open(to, 'source'));
    for (const side of sides) {
      await checkMigrated(side);
      await side.beginRead();
    }
    const [source, target] = await Promise.all(sides.map((side) => checksums(side, specs, batchSize)));
    const sourceSums = new Map([...source!].map(([name, sum]) => [name, { rows: sum.rows, digest: sum.digest() }]));
    const tables = compare(specs, sourceSums, target!);
    return { tables, ok: tables.every((t) => t.ok), written: false };
  } finally {
    for (const side of sides) {
      await side.end(false).catch(() => {});
      await side.close();
    }
  }
}
