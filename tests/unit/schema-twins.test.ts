import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '@/db/schema-pg';
import * as sqliteSchema from '@/db/schema';

// The two schemas are written twice (sqlite-core, pg-core); this test keeps them
// one definition: the same tables, columns, types, nullability, defaults, keys
// and indexes, with each SQLite type standing for its one PostgreSQL type.

/** SQLite column (type and mode) → the PostgreSQL column type it must be. */
const pgTypeOf: Record<string, string> = {
  'SQLiteText': 'PgText',
  'SQLiteInteger': 'PgInteger',
  'SQLiteTimestamp': 'PgCustomColumn:bigint',
  'SQLiteBoolean': 'PgBoolean',
  'SQLiteReal': 'PgDoublePrecision',
};

const tablesOf = (schema: Record<string, unknown>) => Object.entries(schema).filter(([, value]) => is(value, Table)) as [string, Table][];

function describeSqlite(table: SQLiteTable) {
  const config = sqliteConfig(table);
  return {
    name: config.name,
    columns: config.columns.map((c) => ({ name: c.name, type: pgTypeOf[c.columnType] ?? `unmapped ${c.columnType}`, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault && !(c.primary && c.columnType === 'SQLiteInteger'), unique: c.isUnique, enum: c.enumValues ?? null })),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((c) => c.name)),
    indexes: config.indexes.map((index) => ({ name: index.config.name, unique: index.config.unique, columns: index.config.columns.map((c) => (c as { name: string }).name) })).sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys.map((fk) => ({ columns: fk.reference().columns.map((c) => c.name), onDelete: fk.onDelete ?? 'no action' })),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

function describePg(table: PgTable) {
  const config = pgConfig(table);
  return {
    name: config.name,
    columns: config.columns.map((c) => ({ name: c.name, type: c.columnType === 'PgCustomColumn' ? `PgCustomColumn:${c.getSQLType()}` : c.columnType, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault && !c.generatedIdentity, unique: c.isUnique, enum: c.enumValues ?? null })),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((c) => c.name)),
    indexes: config.indexes.map((index) => ({ name: index.config.name!, unique: index.config.unique, columns: index.config.columns.map((c) => (c as { name: string }).name) })).sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys.map((fk) => ({ columns: fk.reference().columns.map((c) => c.name), onDelete: fk.onDelete ?? 'no action' })),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

describe('the SQLite and PostgreSQL schemas', () => {
  const sqliteTables = tablesOf(sqliteSchema);
  const pgTables = tablesOf(pgSchema);

  it('have the same tables under the same export names', () => {
    expect(pgTables.map(([name]) => name).sort()).toEqual(sqliteTables.map(([name]) => name).sort());
    expect(sqliteTables.length).toBeGreaterThan(10);
  });

  it.each(sqliteTables.map(([name]) => name))('%s: same columns, types, nullability, defaults, keys, indexes and checks', (name) => {
    const sqlite = describeSqlite((sqliteSchema as unknown as Record<string, SQLiteTable>)[name]!);
    const pg = describePg((pgSchema as unknown as Record<string, PgTable>)[name]!);
    expect(pg).toEqual(sqlite);
  });
});
