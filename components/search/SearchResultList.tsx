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
        // Paragraphs and titles have a heading of their own; a summary or quiz hit is headed by its section's name.
        const ownHeading = hit.heading.length > 0;
        return (
          <li key={`${hit.href}-${index}`} className="card search-result" data-testid="search-result" data-locale={hit.locale} data-kind={hit.kind}>
            <p className="meta search-result__where">
              <span lang={lang}>{hit.kind === 'title' ? hit.courseTitle : `${hit.courseTitle} › ${hit.lessonTitle}`}</span>
              {ownHeading && <span className="search-result__tag">{t(`search.kind.${hit.kind}`)}</span>}
              {foreign && <span className="search-result__tag">{t(`search.inLanguage.${hit.locale}`)}</span>}
            </p>
            <h3 className="search-result__title">
              <a href={hit.href} hrefLang={lang} lang={ownHeading ? lang : undefined}>
                {ownHeading ? <Highlighted segments={hit.heading} /> : t(`search.kind.${hit.kind}`)}
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
