import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import { classifyLink } from './links';
import { ContentError, parseTree } from './parse-mdx';
import { readLessonFile, type LessonFile } from './read-lesson';
import { timingsSchema } from './schema';

// `npm run content:check`: every problem in the content files at once, each
// with its file and line, so an author fixes them in one go. lib/content's
// loader stops at the first problem (a broken file never half-renders); this
// check lists them all, and adds what only matters to authors: links that
// lead nowhere, images without a file or alt text, HTML in the text.

export type ContentProblem = { file: string; line: number; problem: string };

/** Components an author may write; anything else (lowercase tags are HTML) is refused. */
export const allowedComponents = new Set(['Paragraph', 'Summary', 'Takeaways', 'Example', 'Tip', 'Definition']);

type Lesson = { slug: string; dir: string; texts: Partial<Record<string, { file: string; source: string; parsed?: LessonFile }>> };

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 0;

function lineOfError(message: string): number {
  // "<Paragraph> at line 12" (the loader), "(12:5-12:9)" or "12:5" (the MDX parser).
  return Number(/line (\d+)/.exec(message)?.[1] ?? /[(:\s](\d+):\d+/.exec(message)?.[1] ?? 0);
}

/** Links, images, HTML and code in one file's text. */
function checkTree(file: string, source: string, lesson: Lesson, lessons: Map<string, Lesson>, publicDir: string, report: (line: number, problem: string) => void) {
  let tree;
  try {
    tree = parseTree(source, file);
  } catch (error) {
    report(lineOfError((error as Error).message), (error as Error).message.replace(`${file}: `, ''));
    return;
  }
  const visit = (node: Nodes) => {
    const line = lineOf(node);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (!node.name || !allowedComponents.has(node.name)) report(line, `<${node.name ?? ''}> is not allowed: no raw HTML; blocks are ${[...allowedComponents].join(', ')}`);
    } else if (node.type === 'html') {
      report(line, 'raw HTML is not allowed');
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') {
      report(line, 'code ({…}, import, export) is not allowed in content');
    } else if (node.type === 'link') {
      const target = classifyLink(node.url);
      if (target.kind === 'invalid') report(line, `link "${node.url}": only ../lesson-slug, https, http and mailto links are allowed`);
      else if (target.kind === 'lesson') {
        const other = lessons.get(target.slug);
        if (!other) report(line, `link "${node.url}": there is no lesson "${target.slug}" in this course`);
        else if (target.hash && !other.texts[defaultLocale]?.parsed?.paragraphs.some((p) => `#${p.id}` === target.hash)) {
          report(line, `link "${node.url}": lesson "${target.slug}" has no paragraph "${target.hash.slice(1)}"`);
        }
      }
    } else if (node.type === 'image') {
      if (!node.alt?.trim()) report(line, `image "${node.url}" has no alt text`);
      const local = node.url.startsWith('/') ? path.join(publicDir, node.url.split(/[?#]/)[0]!) : path.join(lesson.dir, node.url);
      if (/^[a-z]+:/i.test(node.url) || !existsSync(local)) report(line, `image "${node.url}" does not exist (images are files under public/ or beside the lesson)`);
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
}

/** Every locale has the Italian's shape: paragraph ids in order, quiz ids, choices and answers. */
function checkShape(italian: LessonFile, other: LessonFile, file: string, source: string, report: (line: number, problem: string) => void) {
  const lineOfText = (text: string) => source.slice(0, Math.max(0, source.indexOf(text))).split('\n').length;
  const ids = (list: { id: string }[]) => list.map((item) => item.id).join(', ');
  if (ids(italian.paragraphs) !== ids(other.paragraphs)) {
    const at = other.paragraphs.findIndex((p, i) => p.id !== italian.paragraphs[i]?.id);
    const id = other.paragraphs[at]?.id;
    report(id ? lineOfText(`id="${id}"`) : 0, `paragraph ids differ from the Italian: expected ${ids(italian.paragraphs)}`);
  }
  if (ids(italian.quiz) !== ids(other.quiz)) report(lineOfText('quiz:'), `quiz question ids differ from the Italian: expected ${ids(italian.quiz)}`);
  italian.quiz.forEach((question) => {
    const mine = other.quiz.find((q) => q.id === question.id);
    if (!mine) return;
    const line = lineOfText(`id: ${question.id}`);
    if (mine.kind !== question.kind) report(line, `quiz "${question.id}": kind differs from the Italian (${question.kind})`);
    if (ids(mine.choices) !== ids(question.choices)) report(line, `quiz "${question.id}": choice ids differ from the Italian (${ids(question.choices)})`);
    if ([...mine.answer].sort().join() !== [...question.answer].sort().join()) report(line, `quiz "${question.id}": answer differs from the Italian (${question.answer.join(', ')})`);
  });
}

function checkTimings(dir: string, italian: LessonFile, problems: ContentProblem[]) {
  const file = path.join(dir, 'timings.json');
  if (!existsSync(file)) return problems.push({ file, line: 0, problem: 'missing: run `npm run media:build`' });
  const parsed = timingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return problems.push({ file, line: 0, problem: parsed.error.issues[0]?.message ?? 'invalid' });
  const timed = new Set(parsed.data.paragraphs.map((p) => p.id));
  for (const paragraph of italian.paragraphs) {
    if (!timed.has(paragraph.id)) problems.push({ file, line: 0, problem: `paragraph "${paragraph.id}" has no timing: run \`npm run media:build\`` });
  }
}

/** Checks every course under `root` (`public` for images); returns every problem found, in file order. */
export function checkContent(root: string, publicDir: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const course of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const courseDir = path.join(root, course.name);
    const lessons = new Map<string, Lesson>();
    for (const entry of readdirSync(courseDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const dir = path.join(courseDir, entry.name);
      const lesson: Lesson = { slug: entry.name, dir, texts: {} };
      for (const locale of locales) {
        const file = path.join(dir, `${locale}.mdx`);
        if (!existsSync(file)) continue;
        const source = readFileSync(file, 'utf8');
        lesson.texts[locale] = { file, source };
        try {
          lesson.texts[locale].parsed = readLessonFile(source, file);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          problems.push({ file, line: lineOfError(error.message), problem: error.message.replace(`${file}: `, '') });
        }
      }
      lessons.set(entry.name, lesson);
    }
    for (const lesson of lessons.values()) {
      const italian = lesson.texts[defaultLocale];
      if (!italian) problems.push({ file: path.join(lesson.dir, `${defaultLocale}.mdx`), line: 0, problem: 'the Italian original is required' });
      for (const [locale, text] of Object.entries(lesson.texts)) {
        const report = (line: number, problem: string) => problems.push({ file: text!.file, line, problem });
        checkTree(text!.file, text!.source, lesson, lessons, publicDir, report);
        if (locale !== defaultLocale && italian?.parsed && text!.parsed) checkShape(italian.parsed, text!.parsed, text!.file, text!.source, report);
      }
      if (italian?.parsed) checkTimings(lesson.dir, italian.parsed, problems);
    }
  }
  // A syntax error is found by the loader and by the tree walk: say it once.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.problem}`;
    return !seen.has(key) && seen.add(key);
  });
}

export function formatProblem(problem: ContentProblem, cwd: string): string {
  return `${path.relative(cwd, problem.file)}${problem.line ? `:${problem.line}` : ''}: ${problem.problem}`;
}
