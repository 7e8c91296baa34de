import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { users, type NewUser, type Role, type User } from './schema';

export function findUserByEmail({ email }: { email: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.email, email)).get();
}

export function findUserById({ id }: { id: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function countUsers(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

/** Inserts a user; returns undefined when the e-mail is taken (unique index, no race). */
export function insertUser({ user }: { user: NewUser }): User | undefined {
  return getDb().insert(users).values(user).onConflictDoNothing({ target: users.email }).returning().get();
}

/** Creates the user, or updates name, password and role of the one with that e-mail. */
export function upsertUser({ user }: { user: NewUser }): User {
  return getDb()
    .insert(users)
    .values(user)
    .onConflictDoUpdate({
      target: users.email,
      set: { name: user.name, passwordHash: user.passwordHash, role: user.role, updatedAt: user.updatedAt },
    })
    .returning()
    .get();
}

export function updateUserRole({ id, role, now }: { id: string; role: Role; now: Date }): void {
  getDb().update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).run();
}
