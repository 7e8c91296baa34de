import 'server-only';
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { getDb } from './client';
import { sessions, users, type NewSession, type Role } from './schema';

export function insertSession({ session }: { session: NewSession }): void {
  getDb().insert(sessions).values(session).run();
}

export type SessionUser = { sessionId: string; id: string; email: string; name: string; role: Role; emailVerifiedAt: Date | null; locale: string | null; lastSeenAt: Date | null };

/** The user behind a live (not revoked, not expired) session, with the role as it is now. */
export function findLiveSessionUser({ sessionId, now }: { sessionId: string; now: Date }): SessionUser | undefined {
  return getDb()
    .select({ sessionId: sessions.id, id: users.id, email: users.email, name: users.name, role: users.role, emailVerifiedAt: users.emailVerifiedAt, locale: users.locale, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .get();
}

export function revokeSession({ sessionId, now }: { sessionId: string; now: Date }): void {
  getDb().update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId)).run();
}

export function revokeUserSessions({ userId, now }: { userId: string; now: Date }): void {
  getDb()
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

/** Deletes the sessions that expired or were revoked before `before`; returns how many. */
export function deleteEndedSessions({ before }: { before: Date }): number {
  return getDb()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, before))))
    .run().changes;
}
