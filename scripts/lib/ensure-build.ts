import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatProblem } from '@/lib/content/check';
import { parseEnv } from '@/lib/env';
import { buildIsCurrent, sourceHash, stampFile } from './build-stamp';

/** Runs `next build` as a child; a stop signal meanwhile stops the build too. */
function nextBuild(root: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const build = spawn(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  const forward = (signal: NodeJS.Signals) => build.kill(signal);
  process.on('SIGTERM', forward).on('SIGINT', forward);
  return new Promise((resolve, reject) => {
    build.on('error', reject);
    build.on('exit', (code, signal) => {
      process.off('SIGTERM', forward).off('SIGINT', forward);
      if (signal) process.exit(1);
      resolve(code);
    });
  });
}

/**
 * Runs `next build` unless the existing build was made from the same sources
 * and the same SITE_URL (prerendered pages contain it).
 */
export async function ensureBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const hash = sourceHash(root, { siteUrl: parseEnv(env).SITE_URL });
  if (buildIsCurrent(root, hash)) return;
  console.log('Building the app (first start, or the sources or SITE_URL changed)…');
  // Next compiles every lesson, but a link to a lesson that does not exist compiles fine: the
  // content check (the same as `npm run content:check`, without the originality tool) refuses it first.
  const problems = checkContent(path.join(root, 'content'), path.join(root, 'public'));
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem, root));
    throw new Error(`the content has ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above): not building`);
  }
  const code = await nextBuild(root, env);
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  writeFileSync(stampFile(root), hash);
}
