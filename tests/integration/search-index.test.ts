import { describe, expect, it } from 'vitest';
import { countRows } from '../support/count-rows';
import { readSearchIndexVersion, replaceSearchIndex } from '@/db/search';
import { getQuizWithKey, lessonParams } from '@/lib/content';
import { locales } from '@/lib/i18n/locales';
import { buildSearchDocuments, contentVersion } from '@/lib/search/documents';
import { normalizeText } from '@/lib/search/normalize';
import { ensureSearchIndex } from '@/lib/search/indexer';
import { search } from '@/lib/search/search';

const rowCount = () => countRows('search_index');

describe('keeping the index in step with the content', () => {
  it('rebuilds at first use when the stored version is not the content’s', async () => {
    await replaceSearchIndex({ documents: [], version: 'stale-version' });
    expect(await rowCount()).toBe(0);

    await ensureSearchIndex();
    const documents = await buildSearchDocuments();
    expect(await readSearchIndexVersion()).toBe(contentVersion(documents));
    expect(await rowCount()).toBe(documents.length);
    expect((await search({ query: 'abbonati', locale: 'it', limit: 5 })).status).toBe('results');
  });

  it('indexes every locale of every lesson: title, paragraphs, summary and takeaways, quiz', async () => {
    const documents = await buildSearchDocuments();
    const italian = documents.filter((d) => d.locale === 'it' && d.lesson === 'classificazione-del-cliente');
    expect(new Set(documents.map((d) => d.locale))).toEqual(new Set(['it', 'en', 'es', 'fr', 'zh']));
    expect(italian.filter((d) => d.kind === 'title')).toHaveLength(1);
    expect(italian.filter((d) => d.kind === 'paragraph').every((d) => /^[a-z0-9-]+$/.test(d.anchor))).toBe(true);
    expect(italian.filter((d) => d.kind === 'summary').every((d) => d.anchor === 'summary-title')).toBe(true);
    expect(italian.filter((d) => d.kind === 'quiz').every((d) => d.anchor === 'quiz-title')).toBe(true);
    expect(italian.every((d) => d.searchable === d.searchable.toLowerCase() && !/[àèéìòù]/.test(d.searchable))).toBe(true);
  });

  it('indexes no quiz explanation (an answer oracle), only what the page shows', async () => {
    const documents = await buildSearchDocuments();
    const quiz = documents.filter((d) => d.kind === 'quiz');
    expect(quiz.length).toBeGreaterThan(0);
    expect(quiz.every((d) => d.searchable === normalizeText(d.text))).toBe(true);
    const explanations = lessonParams().flatMap(({ course, lesson }) => locales.flatMap((locale) => getQuizWithKey(course, lesson, locale) ?? []).map((q) => normalizeText(q.explanation)));
    expect(explanations.length).toBeGreaterThan(100);
    for (const explanation of explanations) expect(documents.some((d) => d.searchable.includes(explanation))).toBe(false);
  });
});
