import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { nameOrEmailMatches } from './admin-progress';
import { changes, db, first, rows, tables, transaction } from './query';
import type { Role } from './schema';

export type UserRow = { id: string; name: string; email: string; role: Role; createdAt: Date };
export type RoleChange = { status: 'changed' | 'unchanged' | 'lastAdmin' | 'notFound'; user?: UserRow };

const userRow = () => {
  const { users } = tables();
  return { id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt };
};

export async function userPage({ search, limit, offset }: { search?: string; limit: number; offset: number }): Promise<{ rows: UserRow[]; total: number }> {
  const { users } = tables();
  const where = search ? nameOrEmailMatches(search) : undefined;
  const total = (await first(db().select({ n: count() }).from(users).where(where)))!.n;
  const page = await rows(db().select(userRow()).from(users).where(where).orderBy(asc(users.email)).limit(limit).offset(offset));
  return { rows: page, total };
}

export async function findUserRow({ userId }: { userId: string }): Promise<UserRow | undefined> {
  const { users } = tables();
  return first(db().select(userRow()).from(users).where(eq(users.id, userId)));
}

/**
 * Sets a user's role in one transaction that holds the `roles` lock (SQLite:
 * BEGIN IMMEDIATE), so the admin count is read with no other role change in
 * between: two admins demoting each other cannot both succeed.
 */
export async function changeUserRole({ userId, role, now }: { userId: string; role: Role; now: Date }): Promise<RoleChange> {
  const { users } = tables();
  return transaction(
    async (): Promise<RoleChange> => {
      const user = await first(db().select(userRow()).from(users).where(eq(users.id, userId)));
      if (!user) return { status: 'notFound' };
      if (user.role === role) return { status: 'unchanged', user };
      if (user.role === 'admin' && (await first(db().select({ n: count() }).from(users).where(eq(users.role, 'admin'))))!.n <= 1) {
        return { status: 'lastAdmin', user };
      }
      await changes(db().update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)));
      return { status: 'changed', user: { ...user, role } };
    },
    { locks: ['roles'] },
  );
}
