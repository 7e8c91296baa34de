import { normalizeText } from './normalize';

/** Longer queries are refused with a message rather than cut silently. */
export const maxQueryLength = 200;
/** The trigram tokenizer needs 3 characters; shorter terms are matched by a LIKE scan. */
export const minIndexedTermLength = 3;
const maxTerms = 12;

export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number }
  /** Only punctuation or symbols: nothing to look for. */
  | { kind: 'noTerms' }
  | { kind: 'terms'; terms: string[] };

/**
 * Turns what the user typed into plain search terms. Anything that is not a letter
 * or a digit separates terms, so quotes, `*`, `(`, `-`, `^` and SQL punctuation
 * never reach the search engine as syntax.
 */
export function parseQuery(raw: string | undefined): ParsedQuery {
  const text = (raw ?? '').trim();
  if (!text) return { kind: 'empty' };
  if (Array.from(text).length > maxQueryLength) return { kind: 'tooLong', length: Array.from(text).length };
  const terms = normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (terms.length === 0) return { kind: 'noTerms' };
  return { kind: 'terms', terms: [...new Set(terms)].slice(0, maxTerms) };
}

/**
 * A light, language-neutral stem for Latin-script words, so that "abbonati" also
 * finds "abbonato" and "subscribers" finds "subscriber": a final plural or gender
 * ending is dropped from words of 5 letters or more, keeping at least 4. Matching
 * is by substring, so the stem then finds every word that starts with it.
 */
export function stemTerm(term: string): string {
  if (!/^[a-z]+$/.test(term) || term.length < 5) return term;
  const stem = term.replace(/(?:es|s|[aeio])$/, '');
  return stem.length >= 4 ? stem : term;
}

/** Each term as the engine will match it. */
export function matchTerms(terms: string[]): string[] {
  return [...new Set(terms.map(stemTerm))];
}

/** One FTS5 string token: double-quoted, inner quotes doubled, so it is never syntax. */
export function quoteFtsToken(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** The MATCH expression for the terms the trigram index can use (all must match), or undefined. */
export function buildMatchExpression(terms: string[]): string | undefined {
  const indexed = terms.filter((term) => Array.from(term).length >= minIndexedTermLength);
  return indexed.length > 0 ? indexed.map(quoteFtsToken).join(' AND ') : undefined;
}

/** LIKE patterns (escape character `\`) finding each term anywhere: wildcards in a term are taken literally. */
export function buildContainsPatterns(terms: string[]): string[] {
  return terms.map((term) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

/** LIKE patterns (escape character `\`) for the terms too short for the trigram index. */
export function buildLikePatterns(terms: string[]): string[] {
  return buildContainsPatterns(terms.filter((term) => Array.from(term).length < minIndexedTermLength));
}
