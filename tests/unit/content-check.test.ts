import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentProblem } from '@/lib/content/check';
import { lessonSource } from '../fixtures/lesson-source';

// A small course on disk (two lessons, Italian and English), broken in one
// place per test: content:check must name the file, the line and the problem.

const ids = Array.from({ length: 8 }, (_, i) => `p-${i}`);
const timings = (paragraphs = ids) => JSON.stringify({ transcriptHash: 'x', duration: 80, paragraphs: paragraphs.map((id, i) => ({ id, start: i * 10, end: i * 10 + 10 })) });

type Change = { it?: (source: string) => string; en?: (source: string) => string; timings?: string };

function course(change: Change = {}): { root: string; publicDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
  const publicDir = path.join(root, 'public');
  mkdirSync(path.join(publicDir, 'img'), { recursive: true });
  writeFileSync(path.join(publicDir, 'img', 'chart.png'), 'png');
  for (const lesson of ['prima', 'seconda']) {
    const dir = path.join(root, 'content', 'corso', lesson);
    mkdirSync(dir, { recursive: true });
    const change_ = lesson === 'prima' ? change : {};
    writeFileSync(path.join(dir, 'it.mdx'), (change_.it ?? ((s) => s))(lessonSource()));
    writeFileSync(path.join(dir, 'en.mdx'), (change_.en ?? ((s) => s))(lessonSource()));
    writeFileSync(path.join(dir, 'timings.json'), change_.timings ?? timings());
  }
  return { root: path.join(root, 'content'), publicDir };
}

const check = (change: Change): ContentProblem[] => {
  const { root, publicDir } = course(change);
  return checkContent(root, publicDir).map((problem) => ({ ...problem, file: path.relative(root, problem.file) }));
};
/** Puts `text` into the fourth paragraph (line 46 of the fixture). */
const inParagraph = (text: string) => (source: string) => source.replace('Testo del paragrafo 3.', `Testo del paragrafo 3. ${text}`);
const lineOf = (source: string, text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;
const paragraphLine = lineOf(lessonSource(), 'Testo del paragrafo 3.');

describe('npm run content:check', () => {
  it('finds nothing wrong in a good course, with emphasis, links, a block and an image', () => {
    const good = inParagraph('Un *termine*, [la seconda](../seconda#p-2), [un sito](https://example.org). <Tip title="Nota">Un consiglio.</Tip> ![Un grafico](/img/chart.png)');
    expect(check({ it: good, en: good })).toEqual([]);
  });

  it('a translation whose paragraph ids differ from the Italian', () => {
    const problems = check({ en: (s) => s.replace('id="p-0"', 'id="renamed"') });
    expect(problems).toEqual([{ file: 'corso/prima/en.mdx', line: lineOf(lessonSource(), 'id="p-0"'), problem: expect.stringContaining('paragraph ids differ from the Italian') }]);
  });

  it('a translation with paragraphs in another order', () => {
    const swapped = (s: string) => s.replace('id="p-1"', 'id="tmp"').replace('id="p-2"', 'id="p-1"').replace('id="tmp"', 'id="p-2"');
    expect(check({ en: swapped })).toEqual([expect.objectContaining({ file: 'corso/prima/en.mdx', problem: expect.stringContaining('paragraph ids differ') })]);
  });

  it('a translation with another answer key or other choice ids', () => {
    const problems = check({ en: (s) => s.replace('answer: [b]', 'answer: [a]') });
    expect(problems).toEqual([{ file: 'corso/prima/en.mdx', line: lineOf(lessonSource(), 'id: q-1'), problem: 'quiz "q-1": answer differs from the Italian (b)' }]);
  });

  it('a translation with another question id', () => {
    expect(check({ en: (s) => s.replace('id: q-2', 'id: q-9') })).toEqual([expect.objectContaining({ file: 'corso/prima/en.mdx', problem: expect.stringContaining('quiz question ids differ') })]);
  });

  it('a paragraph without timings', () => {
    expect(check({ timings: timings(ids.slice(0, 7)) })).toEqual([{ file: 'corso/prima/timings.json', line: 0, problem: expect.stringContaining('"p-7" has no timing') }]);
  });

  it('a link to a lesson that does not exist, or to a paragraph it does not have', () => {
    const problems = check({ it: inParagraph('Vedi [questa](../terza) e [quella](../seconda#nessuno).') });
    expect(problems).toEqual([
      { file: 'corso/prima/it.mdx', line: paragraphLine, problem: 'link "../terza": there is no lesson "terza" in this course' },
      { file: 'corso/prima/it.mdx', line: paragraphLine, problem: 'link "../seconda#nessuno": lesson "seconda" has no paragraph "nessuno"' },
    ]);
  });

  it('a javascript: link', () => {
    expect(check({ it: inParagraph('[clic](javascript:alert(1))') })).toEqual([{ file: 'corso/prima/it.mdx', line: paragraphLine, problem: expect.stringContaining('only ../lesson-slug, https, http and mailto') }]);
  });

  it('an image without alt text, and one whose file is missing', () => {
    const problems = check({ it: inParagraph('![](/img/chart.png) ![Manca](/img/missing.png)') });
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [paragraphLine, 'image "/img/chart.png" has no alt text'],
      [paragraphLine, expect.stringContaining('image "/img/missing.png" does not exist')],
    ]);
  });

  it('raw HTML, an unknown component and code', () => {
    const problems = check({ it: inParagraph('<b>grassetto</b> <Video /> {1 + 1}') });
    expect(problems.map((p) => [p.file, p.line, p.problem])).toEqual([
      ['corso/prima/it.mdx', paragraphLine, expect.stringContaining('<b> is not allowed')],
      ['corso/prima/it.mdx', paragraphLine, expect.stringContaining('<Video> is not allowed')],
      ['corso/prima/it.mdx', paragraphLine, expect.stringContaining('code ({…}, import, export) is not allowed')],
    ]);
  });

  it('an MDX syntax error names its line', () => {
    const problems = check({ it: inParagraph('<Tip title="x">mai chiuso') });
    expect(problems).toEqual([{ file: 'corso/prima/it.mdx', line: paragraphLine, problem: expect.stringMatching(/^mdx: .*closing tag for `<Tip>`/) }]);
  });
});
