import Database from 'better-sqlite3';

let statements;

/** Learners with a session each (`s0`…), for the routes that do a signed-in request's own work. */
const seededSessions = 10_000;

function seed(db) {
  db.exec(`CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), expires_at INTEGER NOT NULL, revoked_at INTEGER)`);
  const user = db.prepare('INSERT OR IGNORE INTO users VALUES (?, ?, ?, ?)');
  const session = db.prepare('INSERT OR IGNORE INTO sessions VALUES (?, ?, ?, NULL)');
  const expires = Date.now() + 30 * 86_400_000;
  db.transaction(() => {
    for (let n = 0; n < seededSessions; n++) {
      user.run(`u${n}`, `learner${n}@reference.test`, `Learner ${n}`, 'learner');
      session.run(`s${n}`, `u${n}`, expires);
    }
  })();
}

/** One connection with the pragmas Aula uses (db/connection.ts), a table like a learner's lesson row, sessions, and their statements. */
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
  seed(db);
  const read = db.prepare('SELECT lesson, position, updated_at FROM progress WHERE learner = ?');
  const upsert = db.prepare(
    `INSERT INTO progress (learner, lesson, position, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (learner, lesson) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
  );
  const row = db.prepare('SELECT position FROM progress WHERE learner = ? AND lesson = ?');
  statements = {
    read,
    upsert,
    // A live session's user, as Aula checks one on every signed-in request.
    sessionUser: db.prepare(
      `SELECT u.id, u.email, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
    ),
    // The row read and written in one write transaction: the furthest position is kept.
    beat: db.transaction((learner, lesson, position) => {
      const furthest = Math.max(row.get(learner, lesson)?.position ?? 0, position);
      upsert.run(learner, lesson, furthest, Date.now());
      return furthest;
    }),
  };
  return statements;
}

/** The user of the request's `session` cookie, or undefined. */
export function sessionUser(cookieJar) {
  const id = cookieJar.get('session')?.value;
  return id ? database().sessionUser.get(id, Date.now()) : undefined;
}
