import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { switchLocalePath } from '@/lib/i18n/switch-locale';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatMessage } from '@/lib/i18n/format-message';
import { catalogs, getTranslator, interpolate, lookup } from '@/lib/i18n/messages';
import { locales } from '@/lib/i18n/locales';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('message catalogs', () => {
  const reference = keys(catalogs.it).sort();
  it.each(locales)('%s has exactly the keys of the Italian catalog', (locale) => {
    const mine = keys(catalogs[locale]).sort();
    expect(reference.filter((key) => !mine.includes(key)), 'missing').toEqual([]);
    expect(mine.filter((key) => !reference.includes(key)), 'extra').toEqual([]);
  });
  // The arguments a message uses, from its ICU syntax tree: {name}, {n, plural, …}, {n, number}.
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };
  const argumentsOf = (elements: Element[], names = new Set<string>()): Set<string> => {
    for (const element of elements) {
      if (element.type !== 0 && element.type !== 7 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, names);
    }
    return names;
  };
  const astOf = (locale: (typeof locales)[number], key: string) =>
    new IntlMessageFormat(lookup(catalogs[locale], key)!, locale, undefined, { ignoreTag: true }).getAst() as Element[];
  it.each(locales)('%s has no empty message, parses as ICU and uses the same arguments as Italian', (locale) => {
    for (const key of reference) {
      const names = [...argumentsOf(astOf(locale, key))].sort();
      expect(names, key).toEqual([...argumentsOf(astOf('it', key))].sort());
      const text = getTranslator(locale)(key as never, Object.fromEntries(names.map((name) => [name, 2])));
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/[{}]/);
    }
  });
  it('does not reuse the source page’s mistranslations', () => {
    const italian = JSON.stringify(catalogs.it);
    for (const wrong of ['INSERIRE', 'REGISTRARSI', 'Ricercatore']) expect(italian).not.toContain(wrong);
  });
});

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones', () => {
    expect(interpolate('{count} lezioni, {x}', { count: 5 })).toBe('5 lezioni, {x}');
  });
});

describe('formatMessage (ICU)', () => {
  it('says one and many in each language', () => {
    const t = getTranslator('it');
    expect(t('catalog.lessons', { count: 1 })).toBe('1 lezione');
    expect(t('catalog.lessons', { count: 5 })).toBe('5 lezioni');
    expect(t('quiz.score', { score: 1, total: 5, percent: 20 })).toBe('Hai risposto correttamente a 1 domanda su 5 (20%).');
    expect(getTranslator('en')('quiz.score', { score: 1, total: 5, percent: 20 })).toBe('You answered 1 of 5 questions correctly (20%).');
    expect(getTranslator('en')('quiz.score', { score: 1, total: 1, percent: 100 })).toBe('You answered 1 of 1 question correctly (100%).');
    expect(getTranslator('fr')('errors.reportRateLimited', { minutes: 1 })).toContain('dans 1 minute.');
    expect(getTranslator('es')('errors.reportRateLimited', { minutes: 15 })).toContain('dentro de 15 minutos.');
    expect(getTranslator('zh')('catalog.lessons', { count: 1 })).toBe('1 节课');
  });
  it('writes counts with the locale’s digit grouping', () => {
    expect(getTranslator('it')('admin.learners.count', { count: 10_000 })).toBe('10.000 corsisti');
    expect(getTranslator('en')('admin.learners.count', { count: 10_000 })).toBe('10,000 learners');
    expect(getTranslator('fr')('admin.users.count', { count: 1 })).toBe('1 utilisateur');
  });
  it('never writes "al 80%": the course percent needs no article', () => {
    for (const percent of [1, 8, 11, 80]) expect(getTranslator('it')('progress.coursePercent', { percent })).toBe(`Corso: ${percent}% completato`);
  });
  it('leaves a plain {slot} for the browser when no value is given, and the browser fills it', () => {
    const label = getTranslator('it')('report.counter', { max: 2000 });
    expect(label).toBe('{count} di 2000 caratteri');
    expect(interpolate(label, { count: 12 })).toBe('12 di 2000 caratteri');
  });
  it('never throws: a missing count falls back to the text with its slots', () => {
    expect(getTranslator('en')('catalog.lessons')).toBe('{count, plural, one {# lesson} other {# lessons}}');
  });
  it('formats the same template per locale', () => {
    const template = '{n, plural, one {# x} other {# xs}}';
    expect(formatMessage(template, 'en', { n: 1 })).toBe('1 x');
    expect(formatMessage(template, 'en', { n: 2 })).toBe('2 xs');
  });
});

describe('negotiateLocale', () => {
  it('prefers a valid cookie', () => {
    expect(negotiateLocale('fr', 'en-US,en;q=0.9')).toBe('fr');
  });
  it('ignores an invalid cookie and uses Accept-Language by q-value', () => {
    expect(negotiateLocale('xx', 'de;q=1, es;q=0.5, zh-CN;q=0.8')).toBe('zh');
  });
  it('matches regional variants by primary subtag', () => {
    expect(negotiateLocale(undefined, 'en-GB')).toBe('en');
  });
  it('skips q=0 and falls back to Italian', () => {
    expect(negotiateLocale(undefined, 'en;q=0, de')).toBe('it');
    expect(negotiateLocale(undefined, null)).toBe('it');
    expect(negotiateLocale(undefined, 'garbage;;;q=abc')).toBe('it');
  });
});

describe('switchLocalePath', () => {
  const origin = 'aula.example';
  it('swaps the locale segment of our own page and keeps the query', () => {
    expect(switchLocalePath('https://aula.example/it/courses/x/y?q=1#p', origin, 'zh')).toBe('/zh/courses/x/y?q=1');
    expect(switchLocalePath('https://aula.example/en', origin, 'fr')).toBe('/fr');
  });
  it('goes to the catalog for foreign, missing, odd referers', () => {
    expect(switchLocalePath('https://evil.example/it/x', origin, 'en')).toBe('/en');
    expect(switchLocalePath(null, origin, 'en')).toBe('/en');
    expect(switchLocalePath('not a url', origin, 'en')).toBe('/en');
    expect(switchLocalePath('https://aula.example/certificates/abc', origin, 'es')).toBe('/es');
  });
});
