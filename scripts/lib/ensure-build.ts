import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIsCurrent, sourceHash, stampFile } from './build-stamp';

/** Runs `next build` unless the existing build was made from the same sources. */
export function ensureBuild(root: string, env: NodeJS.ProcessEnv): void {
  const hash = sourceHash(root);
  if (buildIsCurrent(root, hash)) return;
  console.log('Building the app (first start or sources changed)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  writeFileSync(stampFile(root), hash);
}
