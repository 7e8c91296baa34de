import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { LanguageMenu } from './LanguageMenu';

/** `account`: the layout's @account slot (the user menu, from the session on server-rendered pages; see AccountMenu). */
export function SiteHeader({ locale, account }: { locale: Locale; account: ReactNode }) {
  const t = getTranslator(locale);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href={`/${locale}`}>
          Aul<span>a</span>
        </a>
        <form className="site-search" role="search" action={`/${locale}/search`} method="get">
          <label className="visually-hidden" htmlFor="site-search-q">
            {t('nav.searchLabel')}
          </label>
          <input className="input" id="site-search-q" type="search" name="q" placeholder={t('nav.searchPlaceholder')} maxLength={200} />
          <button className="button" type="submit">
            {t('nav.searchSubmit')}
          </button>
        </form>
        <div className="header-tools">
          <LanguageMenu locale={locale} label={t('nav.language')} />
          {account}
        </div>
      </div>
    </header>
  );
}
