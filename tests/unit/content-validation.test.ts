import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '@/lib/content/catalog';
import { readLessonFile } from '@/lib/content/read-lesson';
import { lessonSource } from '../fixtures/lesson-source';

describe('lesson file validation names the file and the field', () => {
  it('accepts a well-formed lesson', () => {
    const lesson = readLessonFile(lessonSource(), 'ok.mdx');
    expect(lesson.paragraphs).toHaveLength(8);
    expect(lesson.quiz[0]!.answer).toEqual(['b']);
  });
  it('an answer naming a missing choice', () => {
    expect(() => readLessonFile(lessonSource({ answer: '[z]' }), 'x/it.mdx')).toThrow(/x\/it\.mdx: quiz\.0\.answer: names choice "z"/);
  });
  it('a duplicate paragraph id', () => {
    expect(() => readLessonFile(lessonSource({ duplicateId: true }), 'd.mdx')).toThrow(/d\.mdx: <Paragraph> at line \d+ id: "p-1" is used twice/);
  });
  it('too few paragraphs', () => {
    expect(() => readLessonFile(lessonSource({ paragraphs: 3 }), 'few.mdx')).toThrow(/few\.mdx: Paragraph: has 3 paragraphs/);
  });
  it('broken YAML', () => {
    expect(() => readLessonFile(lessonSource({ title: 'title: "unclosed' }), 'y.mdx')).toThrow(/y\.mdx: (frontmatter|title)/);
  });
  it('a missing title', () => {
    expect(() => readLessonFile(lessonSource({ title: '' }), 't.mdx')).toThrow(/t\.mdx: title/);
  });
});

describe('catalog validation across locales', () => {
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'aula-content-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }
  const course = '---\ntitle: "C"\ndescription: "D"\noutcomes: ["a", "b", "c"]\n---\n\nIntro.\n';
  const timings = JSON.stringify({
    transcriptHash: 'x',
    duration: 80,
    paragraphs: Array.from({ length: 8 }, (_, i) => ({ id: `p-${i}`, start: i * 10, end: i * 10 + 10 })),
  });

  it('refuses a translation whose paragraph ids differ', () => {
    const root = tree({
      'c/course.it.mdx': course,
      'c/l/it.mdx': lessonSource(),
      'c/l/en.mdx': lessonSource({ renameFirst: true }),
      'c/l/timings.json': timings,
    });
    expect(() => readCatalog(root)).toThrow(/c\/l\/en\.mdx: Paragraph ids: differ from the Italian/);
  });
  it('refuses a translation with another answer key', () => {
    const root = tree({ 'c/course.it.mdx': course, 'c/l/it.mdx': lessonSource(), 'c/l/fr.mdx': lessonSource({ answer: '[c]' }), 'c/l/timings.json': timings });
    expect(() => readCatalog(root)).toThrow(/fr\.mdx: quiz\.0\.answer: differs from the Italian/);
  });
  it('refuses missing timings', () => {
    const root = tree({ 'c/course.it.mdx': course, 'c/l/it.mdx': lessonSource() });
    expect(() => readCatalog(root)).toThrow(/timings\.json: timings: missing/);
  });
  it('loads a complete tree, a missing locale being allowed (it falls back)', () => {
    const root = tree({ 'c/course.it.mdx': course, 'c/l/it.mdx': lessonSource(), 'c/l/timings.json': timings });
    const catalog = readCatalog(root);
    expect(catalog.courses[0]!.lessons[0]!.texts.en).toBeUndefined();
    expect(catalog.courses[0]!.lessons[0]!.timings.duration).toBe(80);
  });
});
