import 'server-only';
import { findUserRow, userPage, type UserRow } from '@/db/admin-users';

export type { UserRow } from '@/db/admin-users';

export const usersPerPage = 25;

/** A page of users (e-mail order), optionally narrowed by name or e-mail; a page past the end shows the last one. */
export async function userList({ search, page }: { search?: string; page: number }): Promise<{ rows: UserRow[]; total: number; page: number; pages: number }> {
  const fetch = (n: number) => userPage({ search, limit: usersPerPage, offset: (n - 1) * usersPerPage });
  let { rows, total } = await fetch(page);
  const pages = Math.max(1, Math.ceil(total / usersPerPage));
  const shown = Math.min(page, pages);
  if (shown !== page) ({ rows, total } = await fetch(shown));
  return { rows, total, page: shown, pages };
}

export async function findUser(userId: string): Promise<UserRow | undefined> {
  return findUserRow({ userId });
}
