import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The AUTH_SECRET every instance must share (a session signed by one is read
 * by the others): AUTH_SECRET when set, else `<dir>/secret`, generated once
 * (mode 0600).
 */
export function clusterSecret(dir: string, env: Record<string, string | undefined> = process.env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dir, 'secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
