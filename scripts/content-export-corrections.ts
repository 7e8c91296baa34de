/**
 * npm run content:export-corrections [-- --content DIR]
 * Writes every applied correction (live override) back into its MDX file and
 * marks it exported, so the fix goes into git. Refuses, and leaves untouched, a
 * file whose passage changed since the correction was made. Exit code 1 if any
 * correction was refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { markExported, overridesToExport } from '@/db/corrections';
import { exportOverride } from '@/lib/reports/export';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { content: { type: 'string' } }, strict: true });
  const root = path.resolve(values.content ?? path.join(process.cwd(), 'content'));
  const overrides = await overridesToExport();
  if (overrides.length === 0) {
    console.log('No applied corrections to export.');
    return 0;
  }
  let changed = 0;
  let refused = 0;
  for (const override of overrides) {
    const file = path.join(root, override.course, override.lesson, `${override.locale}.mdx`);
    const where = override.target === 'summary' ? 'summary' : `paragraph "${override.targetId}"`;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      console.error(`refused  ${path.relative(process.cwd(), file)}: ${where}: the file does not exist`);
      refused += 1;
      continue;
    }
    const result = exportOverride(source, file, override);
    if (result.status === 'conflict') {
      console.error(`refused  ${path.relative(process.cwd(), file)}: ${where}: ${result.reason} (correction #${override.id})`);
      refused += 1;
      continue;
    }
    if (result.status === 'changed') {
      writeFileSync(file, result.source);
      changed += 1;
      console.log(`updated  ${path.relative(process.cwd(), file)}: ${where} (correction #${override.id})`);
    } else {
      console.log(`already  ${path.relative(process.cwd(), file)}: ${where} has the corrected text (correction #${override.id})`);
    }
    await markExported({ id: override.id, now: new Date() });
  }
  console.log(`${changed} file change(s) written, ${refused} refused.${changed > 0 ? ' Review with git diff and commit.' : ''}`);
  return refused > 0 ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
