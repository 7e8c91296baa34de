import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { nameOrEmailMatches } from './admin-progress';
import { getDb } from './client';
import { users, type Role } from './schema';

export type UserRow = { id: string; name: string; email: string; role: Role; createdAt: Date };
export type RoleChange = { status: 'changed' | 'unchanged' | 'lastAdmin' | 'notFound'; user?: UserRow };

const userRow = { id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt };

export function userPage({ search, limit, offset }: { search?: string; limit: number; offset: number }): { rows: UserRow[]; total: number } {
  const db = getDb();
  const where = search ? nameOrEmailMatches(search) : undefined;
  const total = db.select({ n: count() }).from(users).where(where).get()!.n;
  const rows = db.select(userRow).from(users).where(where).orderBy(asc(users.email)).limit(limit).offset(offset).all();
  return { rows, total };
}

export function findUserRow({ userId }: { userId: string }): UserRow | undefined {
  return getDb().select(userRow).from(users).where(eq(users.id, userId)).get();
}

/**
 * Sets a user's role in one IMMEDIATE transaction: the admin count is read
 * under the write lock, so two admins demoting each other cannot both succeed.
 */
export function changeUserRole({ userId, role, now }: { userId: string; role: Role; now: Date }): RoleChange {
  return getDb().transaction(
    (tx): RoleChange => {
      const user = tx.select(userRow).from(users).where(eq(users.id, userId)).get();
      if (!user) return { status: 'notFound' };
      if (user.role === role) return { status: 'unchanged', user };
      if (user.role === 'admin' && tx.select({ n: count() }).from(users).where(eq(users.role, 'admin')).get()!.n <= 1) {
        return { status: 'lastAdmin', user };
      }
      tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).run();
      return { status: 'changed', user: { ...user, role } };
    },
    { behavior: 'immediate' },
  );
}
