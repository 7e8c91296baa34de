import { randomBytes, randomUUID } from 'node:crypto';
import { countUsers, insertUser } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';

/** On an empty database, creates the first admin and returns its credentials to print once. */
export async function ensureFirstAdmin(given: { email?: string; password?: string }): Promise<{ email: string; password: string; generated: boolean } | null> {
  if (countUsers() > 0) return null;
  const email = (given.email ?? 'admin@aula.local').toLowerCase();
  const password = given.password ?? randomBytes(15).toString('base64url');
  const now = new Date();
  insertUser({ user: { id: randomUUID(), email, name: 'Admin', passwordHash: await hashPassword(password), role: 'admin', createdAt: now, updatedAt: now } });
  return { email, password, generated: !given.password };
}
