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

/**
 * The originality tool lives beside the project (course sources are not ours to ship), so it
 * may be absent or unable to run where the project is cloned: then the check says so and
 * goes on. Only a run that reports shared wording fails.
 */
function originality(cwd: string, content: string): string | undefined {
  const tool = path.resolve(cwd, '../shared/tools/originality');
  if (!existsSync(tool)) {
    console.log(`originality: skipped (${tool} is not on this machine)`);
    return undefined;
  }
  const result = spawnSync(tool, [path.relative(cwd, content) || '.'], { cwd, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const shared = /originality: (\d+) shared runs/.exec(output)?.[1];
  if (shared === undefined) {
    const why = result.error?.message ?? (output.split('\n').at(-1) || `exit status ${result.status}`);
    console.log(`originality: skipped (${tool} did not run: ${why})`);
    return undefined;
  }
  console.log(output);
  if (shared !== '0') return `originality: ${shared} runs of wording shared with the course sources (listed above)`;
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
