import 'server-only';
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { encodedAs, preparedFirst } from './prepared';
import { changes, db, tables } from './query';
import type { NewSession, Role } from './schema';

export async function insertSession({ session }: { session: NewSession }): Promise<void> {
  await changes(db().insert(tables().sessions).values(session));
}

export type SessionUser = { sessionId: string; id: string; email: string; name: string; role: Role; emailVerifiedAt: Date | null; locale: string | null; lastSeenAt: Date | null };

/** The user behind a live (not revoked, not expired) session, with the role as it is now. Read on every signed-in request. */
export const findLiveSessionUser: (values: { sessionId: string; now: Date }) => Promise<SessionUser | undefined> = preparedFirst(['sessionId', 'now'], ({ sessionId, now }) => {
  const { sessions, users } = tables();
  return db()
    .select({ sessionId: sessions.id, id: users.id, email: users.email, name: users.name, role: users.role, emailVerifiedAt: users.emailVerifiedAt, locale: users.locale, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, encodedAs(now, sessions.expiresAt))));
});

export async function revokeSession({ sessionId, now }: { sessionId: string; now: Date }): Promise<void> {
  const { sessions } = tables();
  await changes(db().update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId)));
}

export async function revokeUserSessions({ userId, now }: { userId: string; now: Date }): Promise<void> {
  const { sessions } = tables();
  await changes(
    db()
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  );
}

/** Deletes the sessions that expired or were revoked before `before`; returns how many. */
export async function deleteEndedSessions({ before }: { before: Date }): Promise<number> {
  const { sessions } = tables();
  return changes(
    db()
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, before), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, before)))),
  );
}
