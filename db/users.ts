import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, first, changes, tables } from './query';
import type { NewUser, Role, User } from './schema';

export async function findUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  const { users } = tables();
  return first(db().select().from(users).where(eq(users.email, email)));
}

export async function findUserById({ id }: { id: string }): Promise<User | undefined> {
  const { users } = tables();
  return first(db().select().from(users).where(eq(users.id, id)));
}

export async function countUsers(): Promise<number> {
  const { users } = tables();
  return (await first(db().select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users)))?.n ?? 0;
}

/** Inserts a user; returns undefined when the e-mail is taken (unique index, no race). */
export async function insertUser({ user }: { user: NewUser }): Promise<User | undefined> {
  const { users } = tables();
  return first(db().insert(users).values(user).onConflictDoNothing({ target: users.email }).returning());
}

/** Creates the user, or updates name, password and role of the one with that e-mail. */
export async function upsertUser({ user }: { user: NewUser }): Promise<User> {
  const { users } = tables();
  const row = await first(
    db()
      .insert(users)
      .values(user)
      .onConflictDoUpdate({
        target: users.email,
        set: { name: user.name, passwordHash: user.passwordHash, role: user.role, updatedAt: user.updatedAt },
      })
      .returning(),
  );
  return row!;
}

export async function updateUserRole({ id, role, now }: { id: string; role: Role; now: Date }): Promise<void> {
  const { users } = tables();
  await changes(db().update(users).set({ role, updatedAt: now }).where(eq(users.id, id)));
}
