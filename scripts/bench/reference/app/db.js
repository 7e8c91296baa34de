import Database from 'better-sqlite3';

let statements;

/** One connection with the pragmas Aula uses (db/connection.ts), a table like a learner's lesson row, and its two statements. */
export function database() {
  if (statements) return statements;
  const db = new Database(process.env.BENCH_REFERENCE_DB);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS progress (
    learner TEXT NOT NULL, lesson TEXT NOT NULL, position REAL NOT NULL, updated_at INTEGER NOT NULL,
    PRIMARY KEY (learner, lesson)
  )`);
  statements = {
    read: db.prepare('SELECT lesson, position, updated_at FROM progress WHERE learner = ?'),
    upsert: db.prepare(
      `INSERT INTO progress (learner, lesson, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner, lesson) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    ),
  };
  return statements;
}
