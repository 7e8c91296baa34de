import 'server-only';
import { createHash } from 'node:crypto';
import { deleteUser, endOtherSessions, endSession, listLiveSessions, setPassword, updateProfile, userData } from '@/db/accounts';
import { findUserById } from '@/db/users';
import type { User } from '@/db/schema';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { describeBrowser } from './user-agent';

export async function changeName(userId: string, name: string, language: Locale, now = new Date()): Promise<void> {
  await updateProfile({ userId, name, locale: language, now });
}

/** A new password; every other session ends, the one that changed it goes on. */
export async function changePassword(userId: string, passwordHash: string, keepSession: string, now = new Date()): Promise<void> {
  await setPassword({ userId, passwordHash, keep: keepSession, now });
}

/** How the account page names a session: a digest, so the page never shows the id itself. */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 22);
}

/** Ends one of the user's live sessions, named by its handle; false when none matches. */
export async function endOneSession(userId: string, handle: string, now = new Date()): Promise<boolean> {
  const session = (await listLiveSessions({ userId, now })).find((candidate) => sessionHandle(candidate.id) === handle);
  return session !== undefined && await endSession({ userId, sessionId: session.id, now });
}

export async function endOthers(userId: string, keepSession: string, now = new Date()): Promise<number> {
  return endOtherSessions({ userId, keep: keepSession, now });
}

export async function deleteAccount(user: Pick<User, 'id' | 'email' | 'emailVerifiedAt'>): Promise<void> {
  await deleteUser({ user });
}

/** What the account page shows: the profile, whether the address is verified, and the live sessions (this one first). */
export async function accountView(userId: string, currentSession: string, now = new Date()) {
  const user = await findUserById({ id: userId });
  if (!user) return undefined;
  const sessions = (await listLiveSessions({ userId, now })).map(({ id, ...session }) => ({ ...session, handle: sessionHandle(id), browser: describeBrowser(session.userAgent), current: id === currentSession }));
  return {
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    language: user.locale && isLocale(user.locale) ? user.locale : undefined,
    createdAt: user.createdAt,
    sessions: [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)],
  };
}

/** Everything stored about the user, as a download: no password hash, no session ids. */
export async function exportUserData(userId: string, now = new Date()) {
  const data = await userData({ userId });
  if (!data) return undefined;
  const { passwordHash: _hash, ...profile } = data.user;
  return {
    exportedAt: now.toISOString(),
    profile,
    sessions: data.sessions,
    progress: data.progress.map((row) => ({ ...row, intervals: JSON.parse(row.intervals) as unknown })),
    quizAttempts: data.quizAttempts.map((attempt) => ({ ...attempt, answers: JSON.parse(attempt.answers) as unknown })),
    certificates: data.certificates,
    reports: data.reports,
  };
}

/** The export as a JSON download, for the user themself or an admin; undefined when there is no such user. */
export async function userDataDownload(userId: string): Promise<Response | undefined> {
  const data = await exportUserData(userId);
  if (!data) return undefined;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="aula-data-${data.exportedAt.slice(0, 10)}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
