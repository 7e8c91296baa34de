import { describe, expect, it } from 'vitest';
import { highlightText } from '@/lib/search/highlight';
import { normalizeText } from '@/lib/search/normalize';
import { buildLikePatterns, buildMatchExpression, matchTerms, maxQueryLength, parseQuery, quoteFtsToken, stemTerm } from '@/lib/search/query';

describe('normalizeText', () => {
  it('lower-cases and strips accents, keeping Chinese as it is', () => {
    expect(normalizeText('Qualità FIDÉLITÉ Suscripción 订阅用户')).toBe('qualita fidelite suscripcion 订阅用户');
  });
  it('folds full-width forms and decomposed accents', () => {
    expect(normalizeText('ＡＢＣ e\u0301')).toBe('abc e');
  });
});

describe('parseQuery', () => {
  it('tells empty, too long and symbol-only queries apart', () => {
    expect(parseQuery(undefined)).toEqual({ kind: 'empty' });
    expect(parseQuery('   ')).toEqual({ kind: 'empty' });
    expect(parseQuery('a'.repeat(maxQueryLength + 1))).toEqual({ kind: 'tooLong', length: maxQueryLength + 1 });
    expect(parseQuery('订'.repeat(maxQueryLength))).toMatchObject({ kind: 'terms' });
    expect(parseQuery('"*" ^ - ( )')).toEqual({ kind: 'noTerms' });
  });
  it('splits on anything that is not a letter or digit, normalized and deduplicated', () => {
    expect(parseQuery('  Qualità, "qualita" clienti-abituali ')).toEqual({ kind: 'terms', terms: ['qualita', 'clienti', 'abituali'] });
    expect(parseQuery('订阅 用户')).toEqual({ kind: 'terms', terms: ['订阅', '用户'] });
  });
  it('turns search syntax and SQL into plain words', () => {
    expect(parseQuery('abbonati*')).toEqual({ kind: 'terms', terms: ['abbonati'] });
    expect(parseQuery('NEAR(cliente servizio)')).toEqual({ kind: 'terms', terms: ['near', 'cliente', 'servizio'] });
    expect(parseQuery("'; drop table users; --")).toEqual({ kind: 'terms', terms: ['drop', 'table', 'users'] });
    expect(parseQuery('cliente OR -servizio AND ^prezzo')).toEqual({ kind: 'terms', terms: ['cliente', 'or', 'servizio', 'and', 'prezzo'] });
  });
});

describe('stemTerm', () => {
  it('drops one plural or gender ending from Latin-script words of 5+ letters', () => {
    expect(stemTerm('abbonati')).toBe('abbonat');
    expect(stemTerm('subscribers')).toBe('subscriber');
    expect(stemTerm('suscriptores')).toBe('suscriptor');
    expect(stemTerm('abonnes')).toBe('abonn');
    expect(stemTerm('qualita')).toBe('qualit');
  });
  it('leaves short words, digits and Chinese alone', () => {
    expect(stemTerm('tipo')).toBe('tipo');
    expect(stemTerm('casa')).toBe('casa');
    expect(stemTerm('2024')).toBe('2024');
    expect(stemTerm('订阅用户们')).toBe('订阅用户们');
    expect(matchTerms(['abbonati', 'abbonato'])).toEqual(['abbonat']);
  });
});

describe('building the FTS5 expression', () => {
  it('quotes every token and doubles inner quotes', () => {
    expect(quoteFtsToken('abc')).toBe('"abc"');
    expect(quoteFtsToken('a"b')).toBe('"a""b"');
    expect(quoteFtsToken('NEAR(')).toBe('"NEAR("');
  });
  it('ANDs the terms long enough for trigrams and leaves the rest to LIKE', () => {
    expect(buildMatchExpression(['cliente', 'or', 'servizio'])).toBe('"cliente" AND "servizio"');
    expect(buildMatchExpression(['订阅', 'or'])).toBeUndefined();
    expect(buildMatchExpression(['订阅用'])).toBe('"订阅用"');
    expect(buildLikePatterns(['cliente', '订阅', 'or'])).toEqual(['%订阅%', '%or%']);
  });
  it('escapes LIKE wildcards', () => {
    expect(buildLikePatterns(['%', 'a_', '\\'])).toEqual(['%\\%%', '%a\\_%', '%\\\\%']);
  });
});

describe('highlightText', () => {
  const marked = (segments: { text: string; highlighted: boolean }[]) => segments.filter((s) => s.highlighted).map((s) => s.text);

  it('marks matches in the original text, accents and case included, to the ends of the word', () => {
    const segments = highlightText('La Qualità del servizio e gli abbonati.', ['qualit', 'abbonat']);
    expect(marked(segments)).toEqual(['Qualità', 'abbonati']);
    expect(segments.map((s) => s.text).join('')).toBe('La Qualità del servizio e gli abbonati.');
  });
  it('marks Chinese matches exactly', () => {
    expect(marked(highlightText('如何识别订阅用户', ['订阅']))).toEqual(['订阅']);
  });
  it('keeps markup as text: the page renders segments, never HTML', () => {
    const segments = highlightText('<b>cliente</b>', ['cliente']);
    expect(segments).toEqual([
      { text: '<b>', highlighted: false },
      { text: 'cliente', highlighted: true },
      { text: '</b>', highlighted: false },
    ]);
  });
  it('merges overlapping matches', () => {
    expect(marked(highlightText('abbonamento', ['abbo', 'bonam']))).toEqual(['abbonamento']);
  });
  it('cuts long text to an excerpt around the first match', () => {
    const text = `${'parola '.repeat(80)}abbonati ${'fine '.repeat(80)}`;
    const segments = highlightText(text, ['abbonat'], 120);
    const shown = segments.map((s) => s.text).join('');
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(Array.from(shown).length).toBeLessThanOrEqual(124);
    expect(marked(segments)).toEqual(['abbonati']);
  });
});
