import { clock } from '@/lib/format';

const maxChars = 48;

/** The start of a passage, cut at a word (or, in Chinese, at a character) and marked "…" when longer. */
export function firstWords(text: string, max = maxChars): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * How a transcript paragraph is named to readers and editors: where it starts
 * in the video and how it begins ("0:42 — Quando un cliente…"), the words they
 * see in the transcript (slide headings never appear there).
 */
export function paragraphLabel(paragraph: { start: number; text: string }): string {
  return `${clock(paragraph.start)} — ${firstWords(paragraph.text)}`;
}
