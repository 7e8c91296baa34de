import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCorrection, overrideHistory, overridesToExport } from '@/db/corrections';
import { changeReportStatus, insertReport } from '@/db/reports';
import { lessonSource } from '../fixtures/lesson-source';

const now = new Date('2030-02-01T09:00:00Z');

async function acceptedReport(lesson: string) {
  const report = await insertReport({ report: { course: 'c', lesson, locale: 'it', target: 'paragraph', targetId: 'p-1', message: 'Errore nel paragrafo.', createdAt: now, updatedAt: now } });
  // The editor is left out (user ids are nullable): this test is about files.
  const editor = null as unknown as string;
  await changeReportStatus({ id: report.id, from: 'new', to: 'in_review', userId: editor, now });
  await changeReportStatus({ id: report.id, from: 'in_review', to: 'accepted', userId: editor, now });
  return { id: report.id, editor };
}

function runExport(content: string) {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/content-export-corrections.ts', '--content', content], {
    encoding: 'utf8',
    env: { ...process.env },
  });
}

describe('npm run content:export-corrections on a fixture', () => {
  it('writes applied corrections into the MDX files, marks them exported, and refuses changed files', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'aula-export-'));
    for (const lesson of ['ok', 'changed']) {
      mkdirSync(path.join(root, 'c', lesson), { recursive: true });
      writeFileSync(path.join(root, 'c', lesson, 'it.mdx'), lessonSource());
    }
    const original = 'Testo del paragrafo 1. Seconda frase.';
    for (const lesson of ['ok', 'changed']) {
      const { id, editor } = await acceptedReport(lesson);
      await applyCorrection({
        reportId: id,
        from: 'accepted',
        target: { course: 'c', lesson, locale: 'it', target: 'paragraph', targetId: 'p-1' },
        originalText: original,
        text: 'Testo corretto del paragrafo 1.',
        userId: editor,
        now,
      });
    }
    // Someone edited the "changed" file after the correction was made.
    const changedFile = path.join(root, 'c', 'changed', 'it.mdx');
    writeFileSync(changedFile, readFileSync(changedFile, 'utf8').replace(original, 'Una revisione successiva.'));

    const result = runExport(root);
    expect(result.stdout).toMatch(/updated .*ok\/it\.mdx: paragraph "p-1"/);
    expect(result.stderr).toMatch(/refused .*changed\/it\.mdx: paragraph "p-1": the passage changed/);
    expect(result.status).toBe(1);
    expect(readFileSync(path.join(root, 'c', 'ok', 'it.mdx'), 'utf8')).toContain('<Paragraph id="p-1" keyPoint="Punto 1">\nTesto corretto del paragrafo 1.\n</Paragraph>');
    expect(readFileSync(changedFile, 'utf8')).toContain('Una revisione successiva.');
    expect((await overridesToExport()).map((o) => o.lesson)).toEqual(['changed']);
    expect((await overrideHistory({ course: 'c', lesson: 'ok', locale: 'it', target: 'paragraph', targetId: 'p-1' }))[0]!.exportedAt).not.toBeNull();

    // A second run has nothing new for the exported one, and still refuses the other.
    const again = runExport(root);
    expect(again.stdout).not.toMatch(/updated/);
    expect(again.status).toBe(1);
  });
});
