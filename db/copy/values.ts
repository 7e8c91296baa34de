import { createHash, type Hash } from 'node:crypto';
import type { ColumnSpec, TableSpec } from './tables';

/** A value as db:copy carries it between engines, whatever engine it came from. */
export type Value = string | number | boolean | null;
export type Row = Value[];

/**
 * A stored value in its engine-neutral form: booleans as true/false (SQLite
 * keeps 0/1), integers and epoch milliseconds as exact integers (PostgreSQL's
 * bigint may arrive as a string), doubles as numbers, text as text. A value
 * that does not fit its column's kind stops the copy, naming it.
 */
export function canonical(table: string, column: ColumnSpec, value: unknown): Value {
  if (value === null || value === undefined) return null;
  const wrong = () => new Error(`${table}.${column.name}: ${JSON.stringify(String(value)).slice(0, 60)} is not a valid ${column.kind} value`);
  switch (column.kind) {
    case 'boolean':
      if (value === true || value === 1) return true;
      if (value === false || value === 0) return false;
      throw wrong();
    case 'integer':
    case 'epochMs': {
      const n = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw wrong();
      return n;
    }
    case 'real': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || Number.isNaN(n)) throw wrong();
      return n;
    }
    case 'text':
      if (typeof value !== 'string') throw wrong();
      return value;
  }
}

export function canonicalRow(spec: TableSpec, raw: unknown[]): Row {
  return spec.columns.map((column, i) => canonical(spec.name, column, raw[i]));
}

/**
 * The checksum of a table: SHA-256 over its rows in primary-key order, each row
 * written as JSON of its canonical values (one line per row), so SQLite and
 * PostgreSQL give the same digest for the same data.
 */
export class TableChecksum {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(rows: Row[]): void {
    for (const row of rows) {
      // JSON would write Infinity as null; a double column may hold it on either engine.
      this.hash.update(JSON.stringify(row.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? { number: String(v) } : v))));
      this.hash.update('\n');
    }
    this.rows += rows.length;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
