import 'server-only';
import { is, Param, Placeholder, sql, type Column } from 'drizzle-orm';
import { db, engine, first, onSqlite, rows } from './query';

/** A hot query's values: on SQLite, placeholders bound at each call; on PostgreSQL, the values themselves. */
export type Bound<V> = { [K in keyof V]: V[K] | Placeholder };

type Prepared<T> = { get(values: Record<string, unknown>): T | undefined; all(values: Record<string, unknown>): T[] };
type Buildable<T> = { get(): T | undefined; all(): T[]; prepare(): Prepared<T> };

/**
 * A value compared with a typed column (a timestamp): a placeholder is wrapped
 * so Drizzle encodes the bound value as the column stores it (a Date to
 * milliseconds on SQLite), as it does for a value given directly. Drizzle's
 * own comparisons (`eq`, `gt`…) leave a bare placeholder unencoded.
 */
export function encodedAs<T>(value: T | Placeholder, column: Column): T | Param {
  return is(value, Placeholder) ? new Param(value, column) : (value as T);
}

/**
 * A query on every signed-in request's path (the session check, the
 * heartbeat's reads, the learner's progress). Drizzle builds a query's SQL
 * anew on every call: measured on this project's machine, 58 µs for the
 * session check's join and about 135 µs for a heartbeat's three reads. On
 * SQLite the query is built once per connection, with a placeholder for each
 * of `names`, and only bound afterwards (the compiled statement is kept with
 * it). On PostgreSQL it is built per call as any other: inside a transaction it
 * must run on that transaction's client, which a query prepared once cannot.
 */
function prepared<V extends Record<string, unknown>, T, R>(
  names: readonly (keyof V & string)[],
  build: (values: Bound<V>) => Buildable<T>,
  run: { sqlite: (query: Prepared<T>, values: V) => R; postgres: (query: Buildable<T>) => Promise<R> },
): (values: V) => Promise<R> {
  const placeholders = Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Bound<V>;
  // Per connection: a database closed and opened again (tests, a restore) is a new handle.
  const built = new WeakMap<object, Prepared<T>>();
  return async (values) => {
    if (engine() !== 'sqlite') return run.postgres(build(values));
    const handle = db();
    let query = built.get(handle);
    if (!query) {
      query = build(placeholders).prepare();
      built.set(handle, query);
    }
    const ready = query;
    return onSqlite(() => run.sqlite(ready, values));
  };
}

/** first() for a hot query, built once on SQLite (see prepared()). */
export function preparedFirst<V extends Record<string, unknown>, T>(names: readonly (keyof V & string)[], build: (values: Bound<V>) => Buildable<T>) {
  return prepared(names, build, { sqlite: (query, values) => query.get(values), postgres: (query) => first(query) });
}

/** rows() for a hot query, built once on SQLite (see prepared()). */
export function preparedRows<V extends Record<string, unknown>, T>(names: readonly (keyof V & string)[], build: (values: Bound<V>) => Buildable<T>) {
  return prepared(names, build, { sqlite: (query, values) => query.all(values), postgres: (query) => rows(query) });
}
