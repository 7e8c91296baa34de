'use client';

import { usePathname } from 'next/navigation';
import { localeNames, localeTags, locales, type Locale } from '@/lib/i18n/locales';

/**
 * Links to the same page in each language. They go through /lang/{locale},
 * which remembers the choice in a cookie and redirects, so it works without JS.
 */
export function LanguageMenu({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const rest = pathname.split('/').slice(2).join('/');
  return (
    <details className="menu">
      <summary className="button button--quiet" aria-label={`${label}: ${localeNames[locale]}`}>
        <span aria-hidden="true">🌐</span> {localeNames[locale]}
      </summary>
      <ul className="menu__list">
        {locales.map((code) => (
          <li key={code}>
            <a
              href={`/lang/${code}?next=${encodeURIComponent(`/${code}${rest ? `/${rest}` : ''}`)}`}
              hrefLang={localeTags[code]}
              lang={localeTags[code]}
              aria-current={code === locale ? 'true' : undefined}
            >
              {localeNames[code]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
