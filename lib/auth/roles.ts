import type { Role } from '@/db/schema';

export { roles, type Role } from '@/db/schema';

const rank: Record<Role, number> = { learner: 0, editor: 1, admin: 2 };

/** Editors may do what learners do; admins what editors do. */
export function hasRole(user: { role: Role }, needed: Role): boolean {
  return rank[user.role] >= rank[needed];
}
