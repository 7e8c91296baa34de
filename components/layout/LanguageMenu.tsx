import { localeNames, localeTags, locales, type Locale } from '@/lib/i18n/locales';

/**
 * Links to /lang/{locale}, which remembers the choice in a cookie and sends the
 * visitor to the page they were on (from the Referer) in that language. No
 * client JavaScript, so it works everywhere and keeps pages prerendered.
 */
export function LanguageMenu({ locale, label }: { locale: Locale; label: string }) {
  return (
    <details className="menu">
      <summary className="button button--quiet" aria-label={`${label}: ${localeNames[locale]}`}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        {localeNames[locale]}
      </summary>
      <ul className="menu__list">
        {locales.map((code) => (
          <li key={code}>
            <a href={`/lang/${code}`} hrefLang={localeTags[code]} lang={localeTags[code]} aria-current={code === locale ? 'true' : undefined} rel="nofollow">
              {localeNames[code]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
