import { describe, expect, it } from 'vitest';
import { hashForUnknownUser, hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
  it('has a dummy hash for unknown users that matches nothing typed', async () => {
    expect(await verifyPassword('password', await hashForUnknownUser())).toBe(false);
  });
});

describe('password policy', () => {
  it('needs at least 8 characters (counted as characters, not bytes)', () => {
    expect(checkPassword('short7!')).toBe('passwordTooShort');
    expect(checkPassword('密码密码密码密码')).toBeNull();
  });
  it('allows long passphrases (64+) up to 256', () => {
    expect(checkPassword('a fairly long passphrase '.repeat(4))).toBeNull();
    expect(checkPassword('x'.repeat(257))).toBe('passwordTooLong');
  });
  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('password1')).toBe('passwordCommon');
    expect(checkPassword('QWERTYUIOP')).toBe('passwordCommon');
  });
  it('refuses a password built on the e-mail', () => {
    expect(checkPassword('giulia.rossi2024', 'giulia.rossi@example.it')).toBe('passwordLikeEmail');
  });
});
