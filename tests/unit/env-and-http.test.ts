import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { AppError, toAppError } from '@/lib/http/errors';
import { localizeError } from '@/lib/http/form-errors';
import { safeLocalPath } from '@/lib/http/safe-redirect';
import { getTranslator } from '@/lib/i18n/messages';
import { hasRole } from '@/lib/auth/roles';
import { registerSchema } from '@/lib/auth/schemas';

describe('environment', () => {
  it('has defaults that need no configuration', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('data/aula.sqlite');
  });
  it('accepts a file: URL for the database', () => {
    expect(parseEnv({ DATABASE_URL: 'file:/tmp/x.db' }).DATABASE_URL).toBe('/tmp/x.db');
  });
  it('names every wrong setting', () => {
    expect(() => parseEnv({ PORT: 'eighty', AUTH_SECRET: 'short', ADMIN_EMAIL: 'nope' })).toThrow(EnvError);
    try {
      parseEnv({ PORT: 'eighty', AUTH_SECRET: 'short', ADMIN_EMAIL: 'nope' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/AUTH_SECRET: must be at least 32/);
      expect((error as Error).message).toMatch(/ADMIN_EMAIL/);
    }
  });
});

describe('safeLocalPath', () => {
  it('keeps same-site paths and refuses the rest', () => {
    expect(safeLocalPath('/en/courses/x?y=1#p', '/it')).toBe('/en/courses/x?y=1#p');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, '/a\nb']) {
      expect(safeLocalPath(bad, '/it')).toBe('/it');
    }
  });
});

describe('errors', () => {
  it('maps codes to statuses and hides unknown errors as internal', () => {
    expect(new AppError('badOrigin').status).toBe(403);
    expect(new AppError('tooManyAttempts').status).toBe(429);
    const original = console.error;
    console.error = () => undefined;
    expect(toAppError(new Error('SQLITE_CONSTRAINT details')).code).toBe('internal');
    console.error = original;
  });
  it('localizes with numbers filled in', () => {
    expect(localizeError('passwordTooShort', getTranslator('en'), { min: 8 })).toBe('The password must have at least 8 characters.');
    expect(localizeError('passwordTooShort', getTranslator('en'), { min: 1 })).toBe('The password must have at least 1 character.');
    expect(localizeError('tooManyAttempts', getTranslator('it'), { minutes: 3 })).toBe('Troppi tentativi. Riprova tra 3 minuti.');
    expect(localizeError('no-such-key', getTranslator('fr'))).toBe('La requête n’est pas valide.');
  });
});

describe('roles and input', () => {
  it('ranks admin over editor over learner', () => {
    expect(hasRole({ role: 'admin' }, 'editor')).toBe(true);
    expect(hasRole({ role: 'editor' }, 'admin')).toBe(false);
    expect(hasRole({ role: 'learner' }, 'learner')).toBe(true);
  });
  it('normalizes the e-mail and reports each bad field by key', () => {
    expect(registerSchema.parse({ name: ' Ada ', email: ' Ada@Example.COM ', password: 'x' })).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'x' });
    const result = registerSchema.safeParse({ name: '', email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual(['email:emailInvalid', 'name:required', 'password:required']);
  });
});
