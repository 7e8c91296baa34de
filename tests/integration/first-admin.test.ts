import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { changes, db, tables } from '@/db/query';
import { findUserByEmail } from '@/db/users';
import { verifyPassword } from '@/lib/auth/password';
import { ensureFirstAdmin, passwordFileName } from '../../scripts/lib/first-admin';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { users } = tables();

describe('the first admin', () => {
  beforeEach(async () => await changes(db().delete(users))); // an empty database each time
  it('gets a generated password written once to a file only its owner can read, and nowhere else', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aula-admin-'));
    const file = path.join(dataDir, passwordFileName);
    writeFileSync(file, 'an old password from an earlier database\n', { mode: 0o644 });

    const admin = await ensureFirstAdmin({ email: 'Boss@Example.com' }, dataDir);

    expect(admin).toEqual({ email: 'boss@example.com', generated: true, passwordFile: file });
    expect(JSON.stringify(admin)).not.toMatch(/password"\s*:/); // what the caller may print holds no password
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    const stored = (await findUserByEmail({ email: 'boss@example.com' }))!;
    expect(stored.role).toBe('admin');
    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);

    // Users exist now: nothing is created and the file is not written again.
    writeFileSync(file, 'read and replaced by its owner\n');
    expect(await ensureFirstAdmin({}, dataDir)).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('read and replaced by its owner\n');
  });

  it('writes no file when ADMIN_PASSWORD gives the password', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aula-admin-'));
    expect(await ensureFirstAdmin({ password: 'given admin passphrase' }, dataDir)).toEqual({ email: 'admin@aula.local', generated: false, passwordFile: undefined });
    expect(existsSync(path.join(dataDir, passwordFileName))).toBe(false);
    expect(await verifyPassword('given admin passphrase', (await findUserByEmail({ email: 'admin@aula.local' }))!.passwordHash)).toBe(true);
  });
});
