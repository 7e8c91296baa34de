import { describe, expect, it } from 'vitest';
import { readSearchIndexVersion } from '@/db/search';
import { countRows } from '../support/count-rows';
import type { Locale } from '@/lib/i18n/locales';
import { ensureSearchIndex, rebuildSearchIndex } from '@/lib/search/indexer';
import { search, type SearchHit, type SearchOutcome } from '@/lib/search/search';

// Against the real content in content/ and a fresh database (tests/support/setup.ts).

const hitsOf = (outcome: SearchOutcome): SearchHit[] => {
  if (outcome.status !== 'results') throw new Error(`expected results, got ${outcome.status}`);
  return outcome.hits;
};
const find = async (query: string, locale: Locale = 'it') => hitsOf(await search({ query, locale, limit: 50 }));
const lessonOf = (hit: SearchHit) => hit.href.split('#')[0]!.split('/').at(-1);
const marked = (hit: SearchHit) => [...hit.heading, ...hit.text].filter((s) => s.highlighted).map((s) => s.text);

describe('search across the courses', () => {
  it.each([
    ['it', 'abbonati'],
    ['en', 'subscribers'],
    ['es', 'suscriptores'],
    ['fr', 'abonnés'],
    ['zh', '订阅'],
  ] as const)('%s: "%s" finds the lesson on subscribers in the page’s language first', async (locale, query) => {
    const hits = await find(query, locale);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.locale).toBe(locale);
    expect(hits.filter((hit) => hit.locale === locale).map(lessonOf)).toContain('classificazione-del-cliente');
    expect(hits.filter((hit) => marked(hit).length === 0), 'every hit shows what it matched: nothing hidden is searched').toEqual([]);
  });

  it('links to the paragraph, summary or quiz of the lesson in the hit’s language', async () => {
    const hits = await find('abbonati');
    const paragraph = hits.find((hit) => hit.kind === 'paragraph')!;
    expect(paragraph.href).toMatch(/^\/it\/courses\/risoluzione-dei-conflitti\/[a-z-]+#[a-z0-9-]+$/);
    expect(paragraph.courseTitle).toBe('Risoluzione dei conflitti con il cliente');
    const kinds = new Set(hits.map((hit) => hit.kind));
    for (const kind of ['paragraph', 'summary', 'quiz'] as const) expect(kinds).toContain(kind);
    expect(hits.find((hit) => hit.kind === 'summary')!.href).toMatch(/#summary-title$/);
    expect(hits.find((hit) => hit.kind === 'quiz')!.href).toMatch(/#quiz-title$/);
  });

  it('ranks lesson titles above body text', async () => {
    const hits = await find('classificazione');
    expect(hits[0]!.kind).toBe('title');
    expect(hits[0]!.href).toBe('/it/courses/risoluzione-dei-conflitti/classificazione-del-cliente');
    expect(marked(hits[0]!)).toContain('Classificazione');
  });

  it('ignores accents and case', async () => {
    const qualita = await find('QUALITA');
    expect(qualita.length).toBeGreaterThan(0);
    expect(qualita.some((hit) => marked(hit).some((text) => text.toLowerCase().startsWith('qualità')))).toBe(true);
    const fedelta = await find('fedelta');
    expect(fedelta.some((hit) => marked(hit).some((text) => text.toLowerCase() === 'fedeltà'))).toBe(true);
    expect((await find('fidelite', 'fr')).some((hit) => marked(hit).some((text) => text.toLowerCase() === 'fidélité'))).toBe(true);
  });

  it('matches word forms by prefix', async () => {
    const marks = (await find('abbonat')).flatMap(marked).map((text) => text.toLowerCase());
    expect(marks).toEqual(expect.arrayContaining(['abbonati', 'abbonato']));
    expect((await find('abbonato')).flatMap(marked).map((text) => text.toLowerCase())).toContain('abbonati');
  });

  it('finds Chinese text in a Chinese or an Italian page, marked as Chinese', async () => {
    const onItalian = await find('订阅用户', 'it');
    expect(onItalian.length).toBeGreaterThan(0);
    expect(onItalian.every((hit) => hit.locale === 'zh' && hit.href.startsWith('/zh/'))).toBe(true);
    expect(onItalian.map(lessonOf)).toContain('classificazione-del-cliente');
  });

  it('shows a place once: other languages only where the page’s language has no match', async () => {
    const hits = await find('cliente', 'it');
    const places = hits.map((hit) => `${hit.href.split('/').slice(2).join('/')}|${hit.kind}|${hit.text.map((s) => s.text).join('')}`);
    expect(new Set(places).size).toBe(places.length);
    const italianPlaces = new Set(hits.filter((hit) => hit.locale === 'it' && hit.kind === 'paragraph').map((hit) => hit.href.split('/').slice(2).join('/')));
    const spanish = hits.filter((hit) => hit.locale === 'es' && hit.kind === 'paragraph');
    for (const hit of spanish) expect(italianPlaces.has(hit.href.split('/').slice(2).join('/'))).toBe(false);
  });

  it('needs every term', async () => {
    expect((await find('abbonati rimborso')).length).toBeLessThan((await find('abbonati')).length);
    expect(await find('abbonati zzzqqq')).toEqual([]);
  });

  it('does not search quiz explanations: they would tell which choice is right', async () => {
    // "永远不再光顾" is only in the explanation of the first quiz question of classificazione-del-cliente (zh).
    expect(await find('永远不再光顾', 'zh')).toEqual([]);
  });
});

describe('queries that are not words', () => {
  it.each([
    ['empty', '', 'empty'],
    ['blank', '   ', 'empty'],
    ['symbols only', '"*^-()', 'noTerms'],
    ['too long', 'a'.repeat(201), 'tooLong'],
  ])('%s query gets a status, not an error', async (_name, query, status) => {
    expect((await search({ query, locale: 'en', limit: 10 })).status).toBe(status);
  });

  it.each([
    '"',
    '"abbonati',
    'abbonati"',
    'abbonat*',
    '*',
    'NEAR(abbonati cliente)',
    'NEAR(',
    'abbonati OR cliente',
    'abbonati AND NOT cliente',
    '-abbonati',
    '^abbonati',
    'title:abbonati',
    "'; drop table users; --",
    '%',
    '_',
    '\\',
    'a',
    '订',
    '{} <script>alert(1)</script>',
  ])('%s gives results or a clear status, never an exception', async (query) => {
    const outcome = await search({ query, locale: 'it', limit: 10 });
    expect(['results', 'noTerms']).toContain(outcome.status);
  });

  it('treats syntax as words: "NEAR(abbonati" finds what "abbonati" finds', async () => {
    expect((await find('abbonati*')).length).toBe((await find('abbonati')).length);
    expect((await find('"abbonati"')).length).toBe((await find('abbonati')).length);
  });

  it('leaves the database intact after SQL-looking input', async () => {
    await search({ query: "'; drop table users; --", locale: 'en', limit: 10 });
    expect(await countRows('users')).toBe(0);
  });
});

describe('the index', () => {
  it('is built once for a content version and rebuilt on demand', async () => {
    await ensureSearchIndex();
    const version = await readSearchIndexVersion();
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(await rebuildSearchIndex()).toBe(version);
    const rows = { n: await countRows('search_index') };
    expect(rows.n).toBeGreaterThan(500);
  });
});
