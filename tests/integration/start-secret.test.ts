import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '@/scripts/lib/free-port';
import { startCommandArgs } from '@/scripts/lib/start-command';

// npm start on PostgreSQL without AUTH_SECRET stops at once, saying why and how to make one,
// before it touches the database or listens. (The URL points at a port nothing listens on:
// had the start gone further, it would fail there with another message.)
describe('npm start on PostgreSQL', () => {
  it('refuses to start without AUTH_SECRET, naming it, before anything listens', async () => {
    const port = await freePort();
    const dead = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `postgres://aula@127.0.0.1:${dead}/aula`, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
    delete env.AUTH_SECRET;
    const child = spawn(process.execPath, startCommandArgs(path.resolve('scripts/start.ts')), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/Invalid configuration:\n {2}AUTH_SECRET: required when DATABASE_URL is a PostgreSQL database/);
    expect(err).toMatch(/openssl rand -base64 48/);
    expect(out).not.toMatch(/Database ready|serving/);
  }, 120_000);
});
