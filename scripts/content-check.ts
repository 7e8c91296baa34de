/**
 * npm run content:check [-- --content DIR]
 * Checks every lesson file (lib/content/check.ts): the same paragraph ids in
 * the same order and the same quiz in every locale, timings for every
 * paragraph, links that resolve, images that exist with alt text, no raw HTML
 * or code; then the originality tool (../shared/tools/originality content)
 * must report 0 shared runs. Prints each problem as `file:line: problem`;
 * exit code 1 if there is any.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatProblem } from '@/lib/content/check';

function originality(cwd: string, content: string): string | undefined {
  const tool = path.resolve(cwd, '../shared/tools/originality');
  if (!existsSync(tool)) {
    console.log(`originality: skipped (${tool} is not on this machine)`);
    return undefined;
  }
  const result = spawnSync(tool, [path.relative(cwd, content) || '.'], { cwd, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  console.log(output);
  const shared = /originality: (\d+) shared/.exec(output)?.[1];
  if (result.status !== 0 || shared !== '0') return `originality: the tool reports text shared with its sources (${output.split('\n').at(-1)})`;
  return undefined;
}

function main(): number {
  const { values } = parseArgs({ options: { content: { type: 'string' } }, strict: true });
  const cwd = process.cwd();
  const content = path.resolve(values.content ?? path.join(cwd, 'content'));
  const problems = checkContent(content, path.join(cwd, 'public')).map((problem) => formatProblem(problem, cwd));
  const shared = originality(cwd, content);
  if (shared) problems.push(shared);
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'content:check: no problems' : `content:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return problems.length === 0 ? 0 : 1;
}

process.exit(main());
