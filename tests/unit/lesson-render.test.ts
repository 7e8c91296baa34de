import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryComponents, transcriptComponents, type LessonScope } from '@/components/lesson/mdx/lesson-components';
import { readCatalog } from '@/lib/content/catalog';
import { locales } from '@/lib/i18n/locales';
import { compileMdx, renderMdx } from '../support/render-mdx';

// The loader (lib/content: ids, timings, plain text) and the renderer (the MDX
// compiled as Next compiles it) read the same files; here they must agree.

const catalog = readCatalog(path.join(process.cwd(), 'content'));
const labels = { jumpTo: 'Go to {time}', report: 'Report', takeaways: 'Takeaways' };
const renderedIds = (html: string) => [...html.matchAll(/data-paragraph="([^"]+)"/g)].map((match) => match[1]);
/** The words of the HTML: blocks apart, inline markup (emphasis, links) joined to its words. */
const text = (html: string) => html.replace(/<\/(p|li|aside|div|ul|ol)>|<(li|p|button|a class)[^>]*>/g, ' ').replace(/<[^>]+>/g, '').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const cases = catalog.courses.flatMap((course) =>
  course.lessons.flatMap((lesson) => locales.filter((locale) => lesson.texts[locale]).map((locale) => ({ course, lesson, locale }))),
);

describe('every lesson in every locale renders the paragraphs the loader reads', () => {
  it('covers every lesson and locale', () => expect(cases.length).toBe(25));

  it.each(cases.map((c) => [`${c.lesson.slug}/${c.locale}`, c] as const))('%s', async (_name, { course, lesson, locale }) => {
    const file = lesson.texts[locale]!;
    const scope: LessonScope = {
      locale,
      course: course.slug,
      lessons: course.lessons.map((entry) => entry.slug),
      starts: new Map(lesson.timings.paragraphs.map((p) => [p.id, p.start])),
      corrections: { paragraphs: {} },
      labels,
    };
    const Content = await compileMdx(readFileSync(path.join(lesson.dir, `${locale}.mdx`), 'utf8'));
    const transcript = renderMdx(Content, transcriptComponents(scope));
    expect(renderedIds(transcript)).toEqual(file.paragraphs.map((p) => p.id));
    // The words the loader gives captions and search are the words on the page.
    for (const paragraph of file.paragraphs) expect(text(transcript)).toContain(paragraph.text);
    // Lesson 5's worked case and second example are <Example> blocks, in every locale.
    if (lesson.slug === 'clienti-problematici-online') expect(transcript.match(/data-block="example"/g)).toHaveLength(4);
    const summary = renderMdx(Content, summaryComponents(scope));
    expect(renderedIds(summary)).toEqual([]);
    for (const part of [...file.summary, ...file.takeaways]) expect(text(summary)).toContain(part);
    // Every cross-link became a path in the reader's locale, none was left as plain text.
    expect(transcript + summary).not.toMatch(/href="\.\.\//);
    const links = [...file.paragraphs.map((p) => p.markdown), ...file.summaryMarkdown].join(' ').match(/\]\(\.\.\//g)?.length ?? 0;
    expect(transcript.match(new RegExp(`href="/${locale}/courses/${course.slug}/`, 'g'))?.length ?? 0).toBe(links);
  });
});
