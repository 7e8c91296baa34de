import 'server-only';
import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { getDb } from './client';
import { certificates, lessonProgress, mailQueue, quizAttempts, reports, sessions, users, type User } from './schema';

export type AccountSession = { id: string; createdAt: Date; lastSeenAt: Date | null; userAgent: string | null };

/** Marks the address verified, only while it is still the user's address. */
export function markEmailVerified({ userId, email, now }: { userId: string; email: string; now: Date }): boolean {
  return getDb().update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, userId), eq(users.email, email))).run().changes === 1;
}

/** Moves the account to a new, verified address; false when another account has it (unique index: no race). */
export function changeEmail({ userId, email, now }: { userId: string; email: string; now: Date }): boolean {
  try {
    return getDb().update(users).set({ email, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId)).run().changes === 1;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
    throw error;
  }
}

export function updateProfile({ userId, name, locale, now }: { userId: string; name: string; locale: string; now: Date }): void {
  getDb().update(users).set({ name, locale, updatedAt: now }).where(eq(users.id, userId)).run();
}

/** A new password; every session of the user but `keep` (the one changing it, if any) ends at once. */
export function setPassword({ userId, passwordHash, keep, now }: { userId: string; passwordHash: string; keep?: string; now: Date }): void {
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).run();
    tx.update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
      .run();
  });
}

export function listLiveSessions({ userId, now }: { userId: string; now: Date }): AccountSession[] {
  return getDb()
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`))
    .all();
}

/** Ends one of the user's own sessions (never someone else's: the user id is part of the condition). */
export function endSession({ userId, sessionId, now }: { userId: string; sessionId: string; now: Date }): boolean {
  return getDb().update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt))).run().changes === 1;
}

export function endOtherSessions({ userId, keep, now }: { userId: string; keep: string; now: Date }): number {
  return getDb().update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), ne(sessions.id, keep), isNull(sessions.revokedAt))).run().changes;
}

/** Records activity at most every `everyMs`, so a busy learner does not write on every request. */
export function touchSession({ sessionId, now, everyMs }: { sessionId: string; now: Date; everyMs: number }): void {
  getDb()
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, new Date(now.getTime() - everyMs)))))
    .run();
}

/** Everything stored about one person, for their download. */
export function userData({ userId }: { userId: string }) {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return undefined;
  const mine = user.emailVerifiedAt ? or(eq(reports.userId, userId), eq(sql`lower(${reports.email})`, user.email.toLowerCase())) : eq(reports.userId, userId);
  return {
    user,
    sessions: db.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, userId)).all(),
    progress: db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)).all(),
    quizAttempts: db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).all(),
    certificates: db.select().from(certificates).where(eq(certificates.userId, userId)).all(),
    reports: db.select().from(reports).where(mine).all(),
  };
}

/**
 * Deletes an account and its personal data: progress, attempts, sessions and
 * tokens go with the user row (foreign keys); reports they sent keep their text
 * but lose the link to them and any e-mail of theirs, as does the mail queue;
 * certificates stay
 * verifiable by the name printed on them.
 */
export function deleteUser({ user }: { user: Pick<User, 'id' | 'email' | 'emailVerifiedAt'> }): void {
  getDb().transaction((tx) => {
    // Reports sent anonymously with the address are theirs only if the address was proved.
    const theirs = user.emailVerifiedAt ? or(eq(reports.userId, user.id), eq(sql`lower(${reports.email})`, user.email.toLowerCase())) : eq(reports.userId, user.id);
    tx.update(reports).set({ email: null }).where(theirs).run();
    tx.delete(mailQueue).where(eq(sql`lower(${mailQueue.recipient})`, user.email.toLowerCase())).run();
    tx.delete(users).where(eq(users.id, user.id)).run();
  });
}
