import type Database from 'better-sqlite3';

/**
 * Drizzle asks better-sqlite3 to prepare every statement again on every call
 * (compiling its SQL in SQLite each time), even though a query function sends
 * the same SQL text every time with new parameters: measured, 11 % of the CPU
 * of a signed-in `GET /api/me`, one query. This keeps each compiled statement
 * for its SQL text, per connection, so a query compiles once per process.
 *
 * Safe to share: better-sqlite3 runs one statement at a time, to completion,
 * and parameters are bound per call. A statement is handed back in the mode
 * Drizzle expects (it asks for raw rows explicitly each time it wants them);
 * one busy in an `iterate()` is not shared (a fresh one is prepared). Bounded:
 * the oldest statements go first beyond `maxStatements`.
 */
export function cacheStatements(sqlite: Database.Database, maxStatements = 500): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known && !known.busy) {
      if (known.reader) known.raw(false);
      return known;
    }
    const statement = prepare(source);
    if (known) return statement;
    statements.set(source, statement);
    if (statements.size > maxStatements) statements.delete(statements.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}
