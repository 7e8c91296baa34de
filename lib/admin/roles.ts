import 'server-only';
import { changeUserRole, type UserRow } from '@/db/admin-users';
import type { Role } from '@/db/schema';
import { AppError } from '@/lib/http/errors';

/**
 * Changes a role; the last admin cannot be demoted (checked in the same
 * transaction as the update). Sessions are read with the role on every
 * request, so the change applies on the user's next request.
 */
export async function setRole({ userId, role, now = new Date() }: { userId: string; role: Role; now?: Date }): Promise<UserRow> {
  const result = await changeUserRole({ userId, role, now });
  if (result.status === 'notFound') throw new AppError('notFound');
  if (result.status === 'lastAdmin') throw new AppError('lastAdmin');
  return result.user!;
}
