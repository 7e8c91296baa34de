import { localeTags, type Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { SearchHit } from '@/lib/search/search';
import { Highlighted } from './Highlighted';

type Props = { hits: SearchHit[]; locale: Locale; t: Translate };

/** Search hits as cards; a hit in another language says so and carries its lang. */
export function SearchResultList({ hits, locale, t }: Props) {
  return (
    <ol className="search-results">
      {hits.map((hit, index) => {
        const foreign = hit.locale !== locale;
        const lang = foreign ? localeTags[hit.locale] : undefined;
        const heading = hit.heading.length > 0 ? hit.heading : undefined;
        return (
          <li key={`${hit.href}-${index}`} className="card search-result" data-testid="search-result" data-locale={hit.locale} data-kind={hit.kind}>
            <p className="meta search-result__where">
              <span lang={lang}>
                {hit.courseTitle} › {hit.lessonTitle}
              </span>
              <span className="search-result__kind">{t(`search.kind.${hit.kind}`)}</span>
              {foreign && <span className="search-result__language">{t(`search.inLanguage.${hit.locale}`)}</span>}
            </p>
            <h3 className="search-result__title">
              <a href={hit.href} hrefLang={lang} lang={heading ? lang : undefined}>
                {heading ? <Highlighted segments={heading} /> : t(`search.kind.${hit.kind}`)}
              </a>
            </h3>
            <p className="search-result__text" lang={lang}>
              <Highlighted segments={hit.text} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
