import 'server-only';
import type { Db } from './connection';
import type { NewCertificate, NewLessonProgress, NewQuizAttempt, NewUser } from './schema';

export type DemoLearner = { user: NewUser; progress: NewLessonProgress[]; attempts: NewQuizAttempt[]; certificate?: NewCertificate };

/** Demo learners' e-mails end with this domain; any other user makes a database real. */
export const demoEmailDomain = 'demo.aula.test';

/** How many users are not demo learners (an admin created by npm start counts: it is real). */
export function countRealUsers(db: Db): number {
  const row = db.$client.prepare(`SELECT count(*) AS n FROM users WHERE email NOT LIKE ?`).get(`%@${demoEmailDomain}`) as { n: number };
  return row.n;
}

const ms = (date: Date | null | undefined) => (date ? date.getTime() : null);

/**
 * Writes demo learners with prepared statements, one transaction per call
 * (the caller passes a batch): thousands of rows per second on SQLite.
 */
export function demoWriter(db: Db) {
  const sqlite = db.$client;
  const user = sqlite.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const progress = sqlite.prepare(
    `INSERT INTO lesson_progress (user_id, course, lesson, intervals, watched_seconds, position, video_completed_at, quiz_best, quiz_passed_at, completed_at, first_activity_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attempt = sqlite.prepare(`INSERT INTO quiz_attempts (id, user_id, course, lesson, score, total, percent, passed, answers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)`);
  const certificate = sqlite.prepare(`INSERT INTO certificates (id, user_id, course, learner_name, issued_at) VALUES (?, ?, ?, ?, ?)`);
  return sqlite.transaction((learners: DemoLearner[]) => {
    for (const learner of learners) {
      const u = learner.user;
      user.run(u.id, u.email, u.name, u.passwordHash, u.role ?? 'learner', ms(u.createdAt), ms(u.updatedAt));
      for (const p of learner.progress) {
        progress.run(p.userId, p.course, p.lesson, p.intervals ?? '[]', p.watchedSeconds ?? 0, p.position ?? 0, ms(p.videoCompletedAt), p.quizBest ?? null, ms(p.quizPassedAt), ms(p.completedAt), ms(p.firstActivityAt), ms(p.updatedAt));
      }
      for (const a of learner.attempts) attempt.run(a.id, a.userId, a.course, a.lesson, a.score, a.total, a.percent, a.passed ? 1 : 0, ms(a.createdAt));
      if (learner.certificate) {
        const c = learner.certificate;
        certificate.run(c.id, c.userId, c.course, c.learnerName, ms(c.issuedAt));
      }
    }
  });
}
