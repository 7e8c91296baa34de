import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SearchResultList } from '@/components/search/SearchResultList';
import { Notice } from '@/components/ui/Notice';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { search } from '@/lib/search/search';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const resultLimit = 30;

/** The first `q` only: a repeated parameter is not an error. */
async function queryOf(searchParams: Props['searchParams']): Promise<string> {
  const { q } = await searchParams;
  return (Array.isArray(q) ? q[0] : q) ?? '';
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = getTranslator(locale);
  const query = (await queryOf(searchParams)).trim();
  // Result pages are endless variations of the content: keep them out of search engines.
  return { title: query ? t('search.titleFor', { query: query.slice(0, 60) }) : t('search.title'), robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getTranslator(locale);
  const query = await queryOf(searchParams);
  const outcome = await search({ query, locale, limit: resultLimit });
  const hits = outcome.status === 'results' ? outcome.hits : [];
  const own = hits.filter((hit) => hit.locale === locale);
  const others = hits.filter((hit) => hit.locale !== locale);

  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      <form className="search-form" role="search" aria-label={t('search.refine')} action={`/${locale}/search`} method="get">
        <label className="visually-hidden" htmlFor="search-page-q">
          {t('nav.searchLabel')}
        </label>
        <input className="input" id="search-page-q" type="search" name="q" defaultValue={query} maxLength={200} />
        <button className="button" type="submit">
          {t('nav.searchSubmit')}
        </button>
      </form>

      {outcome.status === 'empty' && (
        <Notice>
          <p>{t('search.empty')}</p>
          <p className="muted small">{t('search.intro')}</p>
        </Notice>
      )}
      {outcome.status === 'noTerms' && <Notice>{t('search.noTerms')}</Notice>}
      {outcome.status === 'tooLong' && <Notice tone="error">{t('search.tooLong', { max: outcome.max })}</Notice>}
      {outcome.status === 'results' && outcome.total === 0 && <Notice>{t('search.noResults', { query: query.trim() })}</Notice>}

      {outcome.status === 'results' && outcome.total > 0 && (
        <>
          <p className="search-summary" role="status">
            {outcome.total === 1 ? t('search.resultsOne', { query: query.trim() }) : t('search.resultsMany', { count: outcome.total, query: query.trim() })}
            {outcome.total > hits.length && <span className="muted"> {t('search.showingFirst', { shown: hits.length })}</span>}
          </p>
          {own.length > 0 && (
            <section aria-labelledby="results-own">
              <h2 id="results-own">{t(`search.inLanguage.${locale}`)}</h2>
              <SearchResultList hits={own} locale={locale} t={t} />
            </section>
          )}
          {others.length > 0 && (
            <section aria-labelledby="results-other" data-testid="other-languages">
              <h2 id="results-other">{t('search.otherLanguages')}</h2>
              <p className="muted">{t('search.otherLanguagesHint')}</p>
              <SearchResultList hits={others} locale={locale} t={t} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
