import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transaction } from '@/db/query';
import { countUsers, insertUser } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';

export type FirstAdmin = { email: string; generated: boolean; passwordFile?: string };

/** Where a generated first-admin password is written (beside the database), readable by its owner only. */
export const passwordFileName = 'first-admin-password';

/**
 * On an empty database, creates the first admin. A generated password is
 * written once to `<dataDir>/first-admin-password` (mode 0600) before the
 * account exists, and never to the log: logs are kept and shipped, the file
 * can be read once and deleted.
 */
export async function ensureFirstAdmin(given: { email?: string; password?: string }, dataDir: string): Promise<FirstAdmin | null> {
  if ((await countUsers()) > 0) return null;
  const email = (given.email ?? 'admin@aula.local').toLowerCase();
  const password = given.password ?? randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  // Instances starting together on an empty database (several on PostgreSQL): one at a time
  // looks again and creates the admin, so the file never holds the password of an admin that
  // another instance's insert kept out.
  return transaction(
    async () => {
      if ((await countUsers()) > 0) return null;
      let passwordFile: string | undefined;
      if (!given.password) {
        passwordFile = path.join(dataDir, passwordFileName);
        // A fresh file, so the mode is set at creation (an old file may have another mode).
        rmSync(passwordFile, { force: true });
        writeFileSync(passwordFile, `${password}\n`, { flag: 'wx', mode: 0o600 });
      }
      const now = new Date();
      await insertUser({ user: { id: randomUUID(), email, name: 'Admin', passwordHash, role: 'admin', createdAt: now, updatedAt: now } });
      return { email, generated: !given.password, passwordFile };
    },
    { locks: ['first-admin'] },
  );
}
