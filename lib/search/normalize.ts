/**
 * The one text form the index stores and queries use: lower-case, accents removed
 * (NFD splits "à" into "a" + a combining mark, which is dropped), full-width forms
 * folded by NFKC first (so "ＡＢＣ" finds "abc"). Folding never merges or drops letters other than marks, so
 * a position map back to the original text stays simple (see highlight.ts).
 */
export function normalizeText(text: string): string {
  return foldChars(text).map((part) => part.folded).join('');
}

/** Each original character (code point) with what it folds to (possibly ""). */
export function foldChars(text: string): { original: string; folded: string }[] {
  return Array.from(text, (original) => ({
    original,
    folded: original.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
  }));
}
