import type { Translate } from '@/lib/i18n/messages';

/** Previous / next links that keep the other query parameters; plain links, so no JavaScript is needed. */
export function Pager({ page, pages, href, t }: { page: number; pages: number; href: (page: number) => string; t: Translate }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 ? (
        <a className="button button--quiet" href={href(page - 1)} rel="prev">
          {t('pager.previous')}
        </a>
      ) : (
        <span />
      )}
      <span>{t('pager.page', { page, pages })}</span>
      {page < pages ? (
        <a className="button button--quiet" href={href(page + 1)} rel="next">
          {t('pager.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
