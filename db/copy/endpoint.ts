import type { Row } from './values';
import type { TableSpec } from './tables';

/** Where db:copy reads from or writes to: a SQLite file or a PostgreSQL database. */
export type Location = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/**
 * One side of a copy, on its own connection (never the app's). A source is
 * only read, inside one read-only snapshot; a target is migrated, then written
 * in one transaction.
 */
export interface Endpoint {
  readonly label: string;
  /** Applied migrations and how many this code has (a source behind the code cannot be copied). */
  migrations(): Promise<{ applied: number; known: number }>;
  migrate(): Promise<void>;
  /** Starts a consistent read: every later read sees the database as it was now. */
  beginRead(): Promise<void>;
  beginWrite(): Promise<void>;
  /** Ends the read or write transaction: commits a write when `commit`, else rolls back. */
  end(commit: boolean): Promise<void>;
  /** The rows, in primary-key order (bytewise for text, as SQLite compares), in batches of at most `size`. */
  batches(spec: TableSpec, size: number): AsyncIterable<Row[]>;
  hasRows(table: string): Promise<boolean>;
  /** Empties these tables (and their identity counters). */
  clear(tables: string[]): Promise<void>;
  insert(spec: TableSpec, rows: Row[]): Promise<void>;
  /** The last identity value handed out (0 when none). */
  identityCounter(spec: TableSpec): Promise<number>;
  /** The next identity value handed out will follow `last`. */
  setIdentityCounter(spec: TableSpec, last: number): Promise<void>;
  close(): Promise<void>;
}

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
