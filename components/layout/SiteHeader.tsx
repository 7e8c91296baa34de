import type { Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { LanguageMenu } from './LanguageMenu';
import { UserMenu } from './UserMenu';

export function SiteHeader({ locale }: { locale: Locale }) {
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
          <UserMenu
            locale={locale}
            labels={{
              signIn: t('nav.signIn'),
              signUp: t('nav.signUp'),
              signOut: t('nav.signOut'),
              account: t('nav.account'),
              myProgress: t('nav.myProgress'),
              editor: t('nav.editor'),
              admin: t('nav.admin'),
            }}
          />
        </div>
      </div>
    </header>
  );
}
