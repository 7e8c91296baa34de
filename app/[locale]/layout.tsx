import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { headScript } from '@/lib/auth/session-hint';
import { siteUrl } from '@/lib/env';
import { isLocale, localeTags, locales } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { setRequestLocale } from '@/lib/i18n/request-locale';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = getTranslator(locale);
  return {
    // Prerendered pages contain it: npm start rebuilds when SITE_URL changes (see scripts/lib/build-stamp.ts).
    metadataBase: new URL(siteUrl()),
    title: { default: `Aula — ${t('site.tagline')}`, template: '%s · Aula' },
    description: t('site.tagline'),
  };
}

export default async function LocaleLayout({ children, account, params }: { children: ReactNode; account: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = getTranslator(locale);
  return (
    // The head script marks <html> before the first paint (`js`, `data-session`): React leaves those attributes alone.
    <html lang={localeTags[locale]} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: headScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <SiteHeader locale={locale} account={account} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('site.footer')}</p>
          <nav aria-label={t('site.footerNav')}>
            <a href={`/${locale}/help`}>{t('site.help')}</a> · <a href={`/${locale}/privacy`}>{t('site.privacy')}</a>
          </nav>
        </footer>
      </body>
    </html>
  );
}
