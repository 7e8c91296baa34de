import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '@/lib/content/catalog';
import { courseView, lessonView } from '@/lib/content/view';
import { lessonSource } from '../fixtures/lesson-source';

function fixture() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aula-view-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('c/course.it.mdx', '---\ntitle: "Corso"\ndescription: "D"\noutcomes: ["a", "b", "c"]\n---\n\nIntro.\n');
  write('c/course.en.mdx', '---\ntitle: "Course"\ndescription: "D"\noutcomes: ["a", "b", "c"]\n---\n\nIntro.\n');
  write('c/l/it.mdx', lessonSource());
  write('c/l/en.mdx', lessonSource({ title: 'title: "A lesson"' }));
  write(
    'c/l/timings.json',
    JSON.stringify({ transcriptHash: 'abcdef1234567890', duration: 80, paragraphs: Array.from({ length: 8 }, (_, i) => ({ id: `p-${i}`, start: i * 10, end: i * 10 + 10 })) }),
  );
  return readCatalog(root).courses[0]!;
}

describe('content views', () => {
  const course = fixture();
  const lesson = course.lessons[0]!;

  it('shows a translated lesson in its locale', () => {
    const view = lessonView('c', lesson, 'en');
    expect(view.textLocale).toBe('en');
    expect(view.title).toBe('A lesson');
  });
  it('falls back to Italian where the translation is missing, and says so', () => {
    const view = lessonView('c', lesson, 'fr');
    expect(view.locale).toBe('fr');
    expect(view.textLocale).toBe('it');
    expect(view.title).toBe('Una lezione');
    expect(courseView(course, 'fr').title).toBe('Corso');
  });
  it('gives the page no answer key and no explanation', () => {
    const view = lessonView('c', lesson, 'it');
    for (const question of view.quiz) {
      expect(question).not.toHaveProperty('answer');
      expect(question).not.toHaveProperty('explanation');
    }
  });
  it('joins paragraphs with their timings and versions media URLs', () => {
    const view = lessonView('c', lesson, 'it');
    expect(view.paragraphs[3]).toMatchObject({ id: 'p-3', start: 30, end: 40 });
    expect(view.media.video).toBe('/media/c/l/video.mp4?v=abcdef12');
    expect(view.media.poster).toBe('/media/c/l/poster.webp?v=abcdef12');
    expect(view.media.sharePoster).toBe('/media/c/l/poster.jpg?v=abcdef12');
    expect(view.media.captions.map((c) => c.url)).toContain('/captions/c/l/zh.vtt');
    expect(courseView(course, 'en').duration).toBe(80);
  });
});

describe('the fallback notice', () => {
  it('appears only when the text is not in the page’s language', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { FallbackNotice } = await import('@/components/lesson/FallbackNotice');
    const course = fixture();
    const french = lessonView('c', course.lessons[0]!, 'fr');
    const html = renderToStaticMarkup(createElement(FallbackNotice, { locale: french.locale, textLocale: french.textLocale, message: 'Texte original en italien.' }));
    expect(html).toContain('data-testid="fallback-notice"');
    expect(html).toContain('Texte original en italien.');
    const english = lessonView('c', course.lessons[0]!, 'en');
    expect(renderToStaticMarkup(createElement(FallbackNotice, { locale: english.locale, textLocale: english.textLocale, message: 'x' }))).toBe('');
  });
});
