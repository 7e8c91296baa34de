import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as pgSchema from '../schema-pg';

/**
 * What db:copy knows about each table, read from the schema (./schema-pg.ts,
 * the checked twin of ./schema.ts), so a table or column added later is
 * copied without touching this code.
 *
 * Value kinds, and how each engine stores them:
 * - text: text on both (JSON documents such as intervals or answers are text too);
 * - integer: integer on both;
 * - epochMs: a point in time as epoch milliseconds, integer (SQLite) or bigint (PostgreSQL);
 * - real: REAL (SQLite) or double precision (PostgreSQL), both IEEE doubles;
 * - boolean: 0/1 (SQLite) or boolean (PostgreSQL).
 */
export type ValueKind = 'text' | 'integer' | 'epochMs' | 'real' | 'boolean';
export type ColumnSpec = { name: string; kind: ValueKind };
export type TableSpec = {
  name: string;
  columns: ColumnSpec[];
  /** The primary key's columns: rows are read, and checksummed, in this order. */
  primaryKey: string[];
  /** An identity (PostgreSQL) or AUTOINCREMENT (SQLite) column, whose counter is carried over. */
  identity?: string;
  /** Tables this one references. */
  references: string[];
};

const kinds: Record<string, ValueKind> = { text: 'text', integer: 'integer', bigint: 'epochMs', 'double precision': 'real', boolean: 'boolean' };

/**
 * Tables whose rows are derived from content/ and rebuilt by npm start when
 * search_meta names another content version: emptied on the target, not copied
 * (their SQLite form is an FTS5 table, the PostgreSQL one a trigram-indexed table).
 */
export const derivedTables = ['search_index', 'search_meta'] as const;

function specOf(table: PgTable): TableSpec {
  const config = getTableConfig(table);
  const columns = config.columns.map((column) => {
    const kind = kinds[column.getSQLType()];
    if (!kind) throw new Error(`db:copy does not know the type ${column.getSQLType()} of ${config.name}.${column.name}`);
    return { name: column.name, kind };
  });
  const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  if (primaryKey.length === 0) throw new Error(`db:copy needs a primary key on ${config.name}`);
  const identity = config.columns.find((c) => (c as { generatedIdentity?: unknown }).generatedIdentity)?.name;
  const references = [...new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name))].filter((name) => name !== config.name);
  return { name: config.name, columns, primaryKey, identity, references };
}

/** Every table of the schema, each after the tables it references (the order to insert in). */
export function copiedTables(): TableSpec[] {
  const specs = (Object.values(pgSchema) as unknown[])
    .filter((value): value is PgTable => value instanceof PgTable)
    .map(specOf);
  const ordered: TableSpec[] = [];
  const placed = new Set<string>();
  while (ordered.length < specs.length) {
    const ready = specs.filter((s) => !placed.has(s.name) && s.references.every((r) => placed.has(r)));
    if (ready.length === 0) throw new Error('db:copy: the foreign keys between tables form a cycle');
    for (const spec of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(spec);
      placed.add(spec.name);
    }
  }
  return ordered;
}
