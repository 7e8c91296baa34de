import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userPage } from '@/db/admin-users';
import type { Role } from '@/db/schema';
import { findLiveSessionUser, insertSession } from '@/db/sessions';
import { findUserById, insertUser } from '@/db/users';
import { setRole } from '@/lib/admin/roles';
import { roleChangeSchema, userListHref, userListSchema } from '@/lib/admin/schemas';
import { AppError } from '@/lib/http/errors';

function makeUser(role: Role, name = 'Someone') {
  const now = new Date();
  return insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name, passwordHash: 'x', role, createdAt: now, updatedAt: now } })!;
}

function roleError(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
}

describe('role changes', () => {
  it('the last admin cannot be demoted; with a second admin it can', () => {
    const first = makeUser('admin', 'First Admin');
    const learner = makeUser('learner', 'Lena');
    expect(roleError(() => setRole({ userId: first.id, role: 'editor' }))).toBe('lastAdmin');
    expect(findUserById({ id: first.id })!.role).toBe('admin');
    expect(setRole({ userId: learner.id, role: 'admin' }).role).toBe('admin');
    expect(setRole({ userId: first.id, role: 'learner' }).role).toBe('learner');
    expect(roleError(() => setRole({ userId: learner.id, role: 'learner' }))).toBe('lastAdmin');
    expect(findUserById({ id: learner.id })!.role).toBe('admin');
    expect(new AppError('lastAdmin').status).toBe(409);
  });

  it('an unknown user is not found; the same role is no change', () => {
    expect(roleError(() => setRole({ userId: 'nobody', role: 'editor' }))).toBe('notFound');
    const editor = makeUser('editor');
    expect(setRole({ userId: editor.id, role: 'editor' }).role).toBe('editor');
  });

  it("applies on the user's next request: the live session reads the new role", () => {
    const learner = makeUser('learner');
    const now = new Date();
    insertSession({ session: { id: `s-${learner.id}`, userId: learner.id, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
    expect(findLiveSessionUser({ sessionId: `s-${learner.id}`, now })!.role).toBe('learner');
    setRole({ userId: learner.id, role: 'editor' });
    expect(findLiveSessionUser({ sessionId: `s-${learner.id}`, now })!.role).toBe('editor');
  });

  it('roles are checked, and the list’s filter rides along (a bad one falls back, never fails)', () => {
    // The confirmation page is the second step (its one button posts this): no checkbox on top of it.
    expect(roleChangeSchema.safeParse({ userId: 'u', role: 'owner' }).success).toBe(false);
    expect(roleChangeSchema.safeParse({ role: 'editor' }).success).toBe(false);
    expect(roleChangeSchema.parse({ userId: 'u', role: 'editor', q: ' ann ', page: '3' })).toEqual({ userId: 'u', role: 'editor', q: 'ann', page: 3 });
    expect(roleChangeSchema.parse({ userId: 'u', role: 'editor', page: '-1' })).toEqual({ userId: 'u', role: 'editor', q: undefined, page: 1 });
    expect(userListHref('it', { q: 'a&b', page: 2 }, { changed: 'u1' })).toBe('/it/admin/users?q=a%26b&page=2&changed=u1');
    expect(userListHref('en', { page: 1 })).toBe('/en/admin/users');
  });

  it('users are listed by e-mail, searched and paginated', () => {
    makeUser('learner', 'Zed Unique');
    expect(userPage({ search: 'zed uni', limit: 10, offset: 0 }).rows.map((r) => r.name)).toEqual(['Zed Unique']);
    const all = userPage({ limit: 2, offset: 0 });
    expect(all.rows).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(userListSchema.parse({ page: 'x' })).toEqual({ page: 1, q: undefined });
  });
});
