import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Everything that goes into `next build`; tests, docs and data do not.
const inputs = ['app', 'components', 'lib', 'db', 'content', 'messages', 'public', 'proxy.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

function* files(root: string, entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(full).sort()) yield* files(root, path.join(entry, child));
}

/** The settings that prerendered pages contain, so a build made with other values is stale. */
export type BuildSettings = { siteUrl: string };

/** A hash of the build's inputs and settings, stored beside the build to tell when it is stale. */
export function sourceHash(root: string, settings: BuildSettings): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(root, input)) {
      hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
    }
  }
  hash.update(`SITE_URL=${settings.siteUrl}\0`);
  return hash.digest('hex');
}

export const stampFile = (root: string) => path.join(root, '.next', 'aula-source-hash');

export function buildIsCurrent(root: string, hash: string): boolean {
  const stamp = stampFile(root);
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}
