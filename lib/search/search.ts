import 'server-only';
import { findSearchMatches, type SearchDocumentKind, type SearchMatch } from '@/db/search';
import { getCourse } from '@/lib/content';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { highlightText, type TextSegment } from './highlight';
import { ensureSearchIndex } from './indexer';
import { buildContainsPatterns, buildLikePatterns, buildMatchExpression, matchTerms, maxQueryLength, parseQuery } from './query';

export type SearchHit = {
  /** The language of the text: the page's own first, then others. */
  locale: Locale;
  courseTitle: string;
  lessonTitle: string;
  kind: SearchDocumentKind;
  /** Opens the lesson (in the hit's language) at the matching paragraph, summary or quiz. */
  href: string;
  heading: TextSegment[];
  text: TextSegment[];
};

export type SearchOutcome =
  | { status: 'empty' }
  | { status: 'noTerms' }
  | { status: 'tooLong'; max: number }
  | { status: 'results'; hits: SearchHit[]; total: number };

/**
 * Candidates are deduplicated across languages before the limit applies, so more are read
 * than shown: 2,000 is about three times the index today (700 rows), keeping counts exact.
 */
const maxCandidates = 2000;
const excerptLength = 320;

/** The place a match points to, to show it once: in the page's language if found there, else its best match. */
const placeOf = (match: SearchMatch) => `${match.course}/${match.lesson}#${match.anchor}`;

function keepOnePerPlaceAcrossLanguages(matches: SearchMatch[], locale: Locale): SearchMatch[] {
  const inLocale = new Set(matches.filter((match) => match.locale === locale).map(placeOf));
  const seenElsewhere = new Set<string>();
  return matches.filter((match) => {
    if (match.locale === locale) return true;
    const place = placeOf(match);
    if (inLocale.has(place) || seenElsewhere.has(place)) return false;
    seenElsewhere.add(place);
    return true;
  });
}

/** Searches the courses: results in `locale` first, then in other languages. Never throws on user input. */
export async function search({ query, locale, limit }: { query: string | undefined; locale: Locale; limit: number }): Promise<SearchOutcome> {
  const parsed = parseQuery(query);
  if (parsed.kind === 'empty' || parsed.kind === 'noTerms') return { status: parsed.kind };
  if (parsed.kind === 'tooLong') return { status: 'tooLong', max: maxQueryLength };

  await ensureSearchIndex();
  const terms = matchTerms(parsed.terms);
  const matches = await findSearchMatches({
    match: buildMatchExpression(terms),
    likePatterns: buildLikePatterns(terms),
    containsPatterns: buildContainsPatterns(terms),
    terms,
    locale,
    limit: maxCandidates,
  });
  const kept = keepOnePerPlaceAcrossLanguages(matches, locale);

  const hits: SearchHit[] = [];
  for (const match of kept.slice(0, limit)) {
    if (!isLocale(match.locale)) continue;
    const course = getCourse(match.course, match.locale);
    const lesson = course?.lessons.find((candidate) => candidate.slug === match.lesson);
    if (!course || !lesson) continue; // content removed since indexing: nothing to link to
    hits.push({
      locale: match.locale,
      courseTitle: course.title,
      lessonTitle: lesson.title,
      kind: match.kind,
      href: `/${match.locale}/courses/${course.slug}/${lesson.slug}${match.anchor ? `#${match.anchor}` : ''}`,
      heading: highlightText(match.heading, terms),
      text: highlightText(match.text, terms, excerptLength),
    });
  }
  return { status: 'results', hits, total: kept.length };
}
