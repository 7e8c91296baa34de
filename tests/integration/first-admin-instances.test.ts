import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countUsers, findUserByEmail } from '@/db/users';
import { verifyPassword } from '@/lib/auth/password';
import { passwordFileName } from '../../scripts/lib/first-admin';

// Two instances started together on an empty database (npm run cluster, or two servers
// sharing data/): one creates the first admin, and the password file holds that admin's
// password, not the one of an admin that was never stored.
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

function instance(dataDir: string, line: string): Promise<{ email: string; passwordFile?: string } | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', 'tests/support/instance-worker.ts', 'first-admin', dataDir, line], { env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { email: string } | null) : reject(new Error(`instance exited ${code}: ${err}`))));
  });
}

describe('the first admin, two instances starting together', () => {
  it('is created once, and the password file opens it', async () => {
    expect(await countUsers()).toBe(0);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aula-admin-'));
    const line = mkdtempSync(path.join(os.tmpdir(), 'aula-line-'));
    const both = Promise.all([instance(dataDir, line), instance(dataDir, line)]);
    // The start line: both processes connected and waiting.
    for (let i = 0; i < 1200 && readdirSync(line).filter((f) => f.startsWith('ready-')).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(path.join(line, 'go'), '');
    const results = await both;
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countUsers()).toBe(1);
    const file = path.join(dataDir, passwordFileName);
    expect(existsSync(file)).toBe(true);
    const admin = (await findUserByEmail({ email: 'admin@aula.local' }))!;
    expect(await verifyPassword(readFileSync(file, 'utf8').trim(), admin.passwordHash)).toBe(true);
  }, 300_000);
});
