import 'server-only';
import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { changes, db, first, isUniqueViolation, rows, tables, transaction } from './query';
import type { User } from './schema';

export type AccountSession = { id: string; createdAt: Date; lastSeenAt: Date | null; userAgent: string | null };

/** Marks the address verified, only while it is still the user's address. */
export async function markEmailVerified({ userId, email, now }: { userId: string; email: string; now: Date }): Promise<boolean> {
  const { users } = tables();
  return (await changes(db().update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, userId), eq(users.email, email))))) === 1;
}

/** Moves the account to a new, verified address; false when another account has it (unique index: no race). */
export async function changeEmail({ userId, email, now }: { userId: string; email: string; now: Date }): Promise<boolean> {
  const { users } = tables();
  try {
    return (await changes(db().update(users).set({ email, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId)))) === 1;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateProfile({ userId, name, locale, now }: { userId: string; name: string; locale: string; now: Date }): Promise<void> {
  const { users } = tables();
  await changes(db().update(users).set({ name, locale, updatedAt: now }).where(eq(users.id, userId)));
}

/** A new password; every session of the user but `keep` (the one changing it, if any) ends at once. */
export async function setPassword({ userId, passwordHash, keep, now }: { userId: string; passwordHash: string; keep?: string; now: Date }): Promise<void> {
  const { users, sessions } = tables();
  await transaction(async () => {
    await changes(db().update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)));
    await changes(
      db()
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined)),
    );
  });
}

export async function listLiveSessions({ userId, now }: { userId: string; now: Date }): Promise<AccountSession[]> {
  const { sessions } = tables();
  return rows(
    db()
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`)),
  );
}

/** Ends one of the user's own sessions (never someone else's: the user id is part of the condition). */
export async function endSession({ userId, sessionId, now }: { userId: string; sessionId: string; now: Date }): Promise<boolean> {
  const { sessions } = tables();
  return (await changes(db().update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt))))) === 1;
}

export async function endOtherSessions({ userId, keep, now }: { userId: string; keep: string; now: Date }): Promise<number> {
  const { sessions } = tables();
  return changes(db().update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), ne(sessions.id, keep), isNull(sessions.revokedAt))));
}

/** Records activity at most every `everyMs`, so a busy learner does not write on every request. */
export async function touchSession({ sessionId, now, everyMs }: { sessionId: string; now: Date; everyMs: number }): Promise<void> {
  const { sessions } = tables();
  await changes(
    db()
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, new Date(now.getTime() - everyMs))))),
  );
}

/** Everything stored about one person, for their download (one consistent read). */
export async function userData({ userId }: { userId: string }) {
  const { users, sessions, lessonProgress, quizAttempts, certificates, reports } = tables();
  return transaction(async () => {
    const user = await first(db().select().from(users).where(eq(users.id, userId)));
    if (!user) return undefined;
    const mine = user.emailVerifiedAt ? or(eq(reports.userId, userId), eq(sql`lower(${reports.email})`, user.email.toLowerCase())) : eq(reports.userId, userId);
    return {
      user,
      sessions: await rows(db().select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, userId))),
      progress: await rows(db().select().from(lessonProgress).where(eq(lessonProgress.userId, userId))),
      quizAttempts: await rows(db().select().from(quizAttempts).where(eq(quizAttempts.userId, userId))),
      certificates: await rows(db().select().from(certificates).where(eq(certificates.userId, userId))),
      reports: await rows(db().select().from(reports).where(mine)),
    };
  });
}

/**
 * Deletes an account and its personal data: progress, attempts, sessions and
 * tokens go with the user row (foreign keys); reports they sent keep their text
 * but lose the link to them and any e-mail of theirs, as does the mail queue;
 * certificates stay verifiable by the name printed on them.
 */
export async function deleteUser({ user }: { user: Pick<User, 'id' | 'email' | 'emailVerifiedAt'> }): Promise<void> {
  const { reports, mailQueue, users } = tables();
  await transaction(async () => {
    // Reports sent anonymously with the address are theirs only if the address was proved.
    const theirs = user.emailVerifiedAt ? or(eq(reports.userId, user.id), eq(sql`lower(${reports.email})`, user.email.toLowerCase())) : eq(reports.userId, user.id);
    await changes(db().update(reports).set({ email: null }).where(theirs));
    await changes(db().delete(mailQueue).where(eq(sql`lower(${mailQueue.recipient})`, user.email.toLowerCase())));
    await changes(db().delete(users).where(eq(users.id, user.id)));
  });
}
