import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { switchLocalePath } from '@/lib/i18n/switch-locale';
import { catalogs, getTranslator, interpolate } from '@/lib/i18n/messages';
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
  it.each(locales)('%s has no empty message and keeps every {placeholder}', (locale) => {
    for (const key of reference) {
      const italian = getTranslator('it')(key as never);
      const text = getTranslator(locale)(key as never);
      expect(text.trim(), key).not.toBe('');
      const placeholders = (value: string) => (value.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(text), key).toEqual(placeholders(italian));
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
