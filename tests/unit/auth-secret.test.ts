import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSecretProblem } from '@/lib/env';

const postgres = { engine: 'postgres', url: 'postgres://aula@db.example.org/aula' } as const;
const sqlite = { engine: 'sqlite', file: '/srv/aula/data/aula.sqlite' } as const;

describe('authSecretProblem', () => {
  it('requires AUTH_SECRET on PostgreSQL, where several instances sign sessions', () => {
    expect(authSecretProblem(undefined, postgres)).toMatch(/required when DATABASE_URL is a PostgreSQL database/);
    expect(authSecretProblem(undefined, postgres)).toMatch(/openssl rand -base64 48/);
    expect(authSecretProblem('x'.repeat(40), postgres)).toBeUndefined();
  });

  it('lets SQLite generate one, as before', () => {
    expect(authSecretProblem(undefined, sqlite)).toBeUndefined();
  });
});

describe('authSecret', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET };
  afterEach(() => {
    Object.assign(process.env, saved);
    if (saved.AUTH_SECRET === undefined) delete process.env.AUTH_SECRET;
    vi.resetModules();
  });

  async function fresh(env: { DATABASE_URL: string; AUTH_SECRET?: string }) {
    vi.resetModules();
    process.env.DATABASE_URL = env.DATABASE_URL;
    if (env.AUTH_SECRET === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = env.AUTH_SECRET;
    return import('@/lib/env');
  }

  it('refuses to run on PostgreSQL without it, naming the variable', async () => {
    const { authSecret, EnvError: FreshEnvError } = await fresh({ DATABASE_URL: postgres.url });
    expect(() => authSecret()).toThrow(FreshEnvError);
    expect(() => authSecret()).toThrow(/AUTH_SECRET: required when DATABASE_URL is a PostgreSQL database/);
  });

  it('uses the one given on PostgreSQL', async () => {
    const { authSecret } = await fresh({ DATABASE_URL: postgres.url, AUTH_SECRET: 'k'.repeat(44) });
    expect(authSecret()).toBe('k'.repeat(44));
  });

  it('on SQLite without one, generates it once beside the database, readable only by its owner', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'aula-secret-')), 'aula.sqlite');
    const { authSecret } = await fresh({ DATABASE_URL: file });
    const secret = authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const stored = path.join(path.dirname(file), 'auth-secret');
    expect(readFileSync(stored, 'utf8').trim()).toBe(secret);
    expect(statSync(stored).mode & 0o077).toBe(0);
    expect((await fresh({ DATABASE_URL: file })).authSecret()).toBe(secret);
  });
});
