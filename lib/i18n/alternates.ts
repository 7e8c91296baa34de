import type { Metadata } from 'next';
import { defaultLocale, localeTags, locales, type Locale } from './locales';

/** canonical + hreflang alternates for a path below the locale segment ('' for the catalog). */
export function alternatesFor(locale: Locale, rest: string): Metadata['alternates'] {
  const suffix = rest ? `/${rest}` : '';
  return {
    canonical: `/${locale}${suffix}`,
    languages: {
      ...Object.fromEntries(locales.map((code) => [localeTags[code], `/${code}${suffix}`])),
      'x-default': `/${defaultLocale}${suffix}`,
    },
  };
}
