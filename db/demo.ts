import 'server-only';
import { count, notLike } from 'drizzle-orm';
import type { Db } from './connection';
import { certificates, lessonProgress, quizAttempts, users, type NewCertificate, type NewLessonProgress, type NewQuizAttempt, type NewUser } from './schema';

export type DemoLearner = { user: NewUser; progress: NewLessonProgress[]; attempts: NewQuizAttempt[]; certificate?: NewCertificate };

/** Rows per INSERT: well under SQLite's limit of bound parameters per statement. */
const rowsPerInsert = 200;

/** Demo learners' e-mails end with this domain; any other user makes a database real. */
export const demoEmailDomain = 'demo.aula.test';

/** How many users are not demo learners (an admin created by npm start counts: it is real). */
export function countRealUsers(db: Db): number {
  return db.select({ n: count() }).from(users).where(notLike(users.email, `%@${demoEmailDomain}`)).get()!.n;
}

function insertChunks<T>(rows: T[], insert: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += rowsPerInsert) insert(rows.slice(i, i + rowsPerInsert));
}

/** Writes demo learners in one transaction per call (the caller passes a batch), many rows per statement. */
export function demoWriter(db: Db) {
  return (learners: DemoLearner[]) =>
    db.transaction((tx) => {
      insertChunks(learners.map((l) => l.user), (chunk) => tx.insert(users).values(chunk).run());
      insertChunks(learners.flatMap((l) => l.progress), (chunk) => tx.insert(lessonProgress).values(chunk).run());
      insertChunks(learners.flatMap((l) => l.attempts), (chunk) => tx.insert(quizAttempts).values(chunk).run());
      insertChunks(learners.flatMap((l) => (l.certificate ? [l.certificate] : [])), (chunk) => tx.insert(certificates).values(chunk).run());
    });
}
