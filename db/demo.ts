import 'server-only';
import { count, notLike, sql } from 'drizzle-orm';
import { bySql, changes, db, first, rawRun, tables, transaction } from './query';
import type { NewCertificate, NewLessonProgress, NewQuizAttempt, NewUser } from './schema';

export type DemoLearner = { user: NewUser; progress: NewLessonProgress[]; attempts: NewQuizAttempt[]; certificate?: NewCertificate };

/** Rows per INSERT: well under SQLite's (and PostgreSQL's) limit of bound parameters per statement. */
const rowsPerInsert = 200;

/** Demo learners' e-mails end with this domain; any other user makes a database real. */
export const demoEmailDomain = 'demo.aula.test';

/** How many users are not demo learners (an admin created by npm start counts: it is real). */
export async function countRealUsers(): Promise<number> {
  const { users } = tables();
  return (await first(db().select({ n: count() }).from(users).where(notLike(users.email, `%@${demoEmailDomain}`))))!.n;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) await insert(rows.slice(i, i + rowsPerInsert));
}

/** Writes demo learners in one transaction per call (the caller passes a batch), many rows per statement. */
export async function writeDemoLearners(learners: DemoLearner[]): Promise<void> {
  const { users, lessonProgress, quizAttempts, certificates } = tables();
  await transaction(async () => {
    await insertChunks(learners.map((l) => l.user), (chunk) => changes(db().insert(users).values(chunk)));
    await insertChunks(learners.flatMap((l) => l.progress), (chunk) => changes(db().insert(lessonProgress).values(chunk)));
    await insertChunks(learners.flatMap((l) => l.attempts), (chunk) => changes(db().insert(quizAttempts).values(chunk)));
    await insertChunks(learners.flatMap((l) => (l.certificate ? [l.certificate] : [])), (chunk) => changes(db().insert(certificates).values(chunk)));
  });
}

/** Refreshes the planner's statistics after a bulk load. */
export async function optimizeDatabase(): Promise<void> {
  await rawRun(bySql({ sqlite: sql`PRAGMA optimize`, postgres: sql`ANALYZE` }));
}
