import { foldChars } from './normalize';

/** A piece of text to show, marked when it matched a search term. Rendered as text, never as HTML. */
export type TextSegment = { text: string; highlighted: boolean };

type Range = { start: number; end: number };

// Words are extended to their edges so "abbonat" marks all of "abbonati"; Chinese
// characters are words of their own, so a match there is marked exactly.
const wordChar = /[\p{L}\p{N}\p{M}]/u;
const hanChar = /\p{Script=Han}/u;
const isWordChar = (char: string | undefined) => char !== undefined && wordChar.test(char) && !hanChar.test(char);

/** Where the terms occur in `chars` (code points), found on the normalized form and mapped back. */
function findRanges(chars: string[], terms: string[]): Range[] {
  const folded = foldChars(chars.join(''));
  let normalized = '';
  const origin: number[] = []; // code-unit offset in `normalized` → code-point index in `chars`
  folded.forEach((part, index) => {
    normalized += part.folded;
    for (let i = 0; i < part.folded.length; i += 1) origin.push(index);
  });
  const ranges: Range[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = normalized.indexOf(term); at !== -1; at = normalized.indexOf(term, at + term.length)) {
      let start = origin[at]!;
      let end = origin[at + term.length - 1]! + 1;
      while (isWordChar(chars[start - 1]) && isWordChar(chars[start])) start -= 1;
      while (isWordChar(chars[end]) && isWordChar(chars[end - 1])) end += 1;
      ranges.push({ start, end });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The window of at most `maxLength` code points to show: around the first match, cut at spaces. */
function excerptWindow(chars: string[], first: Range | undefined, maxLength: number): Range {
  if (chars.length <= maxLength) return { start: 0, end: chars.length };
  let start = Math.max(0, Math.min((first?.start ?? 0) - Math.floor(maxLength / 4), chars.length - maxLength));
  let end = start + maxLength;
  const lookAround = 20;
  for (let i = start; start > 0 && i < start + lookAround && i < chars.length; i += 1) {
    if (/\s/.test(chars[i]!)) {
      start = i + 1;
      break;
    }
  }
  for (let i = end; end < chars.length && i > end - lookAround; i -= 1) {
    if (/\s/.test(chars[i]!)) {
      end = i;
      break;
    }
  }
  return { start, end };
}

/**
 * Splits `text` into plain and highlighted segments for the terms (already
 * normalized, as the index matched them), cut to an excerpt around the first
 * match when longer than `maxLength`; "…" marks a cut.
 */
export function highlightText(text: string, terms: string[], maxLength = Infinity): TextSegment[] {
  const chars = Array.from(text);
  const ranges = findRanges(chars, terms);
  const window = excerptWindow(chars, ranges[0], maxLength);
  const segments: TextSegment[] = [];
  const push = (from: number, to: number, highlighted: boolean) => {
    if (to > from) segments.push({ text: chars.slice(from, to).join(''), highlighted });
  };
  let at = window.start;
  for (const range of ranges) {
    const start = Math.max(range.start, window.start);
    const end = Math.min(range.end, window.end);
    if (end <= start) continue;
    push(at, start, false);
    push(start, end, true);
    at = end;
  }
  push(at, window.end, false);
  if (window.start > 0) segments.unshift({ text: '… ', highlighted: false });
  if (window.end < chars.length) segments.push({ text: ' …', highlighted: false });
  return segments;
}
