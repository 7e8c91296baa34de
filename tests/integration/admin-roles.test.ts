import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userPage } from '@/db/admin-users';
import type { Role } from '@/db/schema';
import { findLiveSessionUser, insertSession } from '@/db/sessions';
import { findUserById, insertUser } from '@/db/users';
import { setRole } from '@/lib/admin/roles';
import { roleChangeSchema, userListHref, userListSchema } from '@/lib/admin/schemas';
import { AppError } from '@/lib/http/errors';

async function makeUser(role: Role, name = 'Someone') {
  const now = new Date();
  return (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name, passwordHash: 'x', role, createdAt: now, updatedAt: now } }))!;
}

async function roleError(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
}

describe('role changes', () => {
  it('the last admin cannot be demoted; with a second admin it can', async () => {
    const first = await makeUser('admin', 'First Admin');
    const learner = await makeUser('learner', 'Lena');
    expect(await roleError(() => setRole({ userId: first.id, role: 'editor' }))).toBe('lastAdmin');
    expect((await findUserById({ id: first.id }))!.role).toBe('admin');
    expect((await setRole({ userId: learner.id, role: 'admin' })).role).toBe('admin');
    expect((await setRole({ userId: first.id, role: 'learner' })).role).toBe('learner');
    expect(await roleError(() => setRole({ userId: learner.id, role: 'learner' }))).toBe('lastAdmin');
    expect((await findUserById({ id: learner.id }))!.role).toBe('admin');
    expect(new AppError('lastAdmin').status).toBe(409);
  });

  it('an unknown user is not found; the same role is no change', async () => {
    expect(await roleError(() => setRole({ userId: 'nobody', role: 'editor' }))).toBe('notFound');
    const editor = await makeUser('editor');
    expect((await setRole({ userId: editor.id, role: 'editor' })).role).toBe('editor');
  });

  it("applies on the user's next request: the live session reads the new role", async () => {
    const learner = await makeUser('learner');
    const now = new Date();
    await insertSession({ session: { id: `s-${learner.id}`, userId: learner.id, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
    expect((await findLiveSessionUser({ sessionId: `s-${learner.id}`, now }))!.role).toBe('learner');
    await setRole({ userId: learner.id, role: 'editor' });
    expect((await findLiveSessionUser({ sessionId: `s-${learner.id}`, now }))!.role).toBe('editor');
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

  it('users are listed by e-mail, searched and paginated', async () => {
    await makeUser('learner', 'Zed Unique');
    expect((await userPage({ search: 'zed uni', limit: 10, offset: 0 })).rows.map((r) => r.name)).toEqual(['Zed Unique']);
    const all = await userPage({ limit: 2, offset: 0 });
    expect(all.rows).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(userListSchema.parse({ page: 'x' })).toEqual({ page: 1, q: undefined });
  });
});
