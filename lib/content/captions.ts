import type { Paragraph } from './types';

const maxCueChars = 110;

/** Splits a paragraph into caption-sized pieces: sentences, then clauses if a sentence is long. */
export function splitForCaptions(text: string): string[] {
  const sentences = text.match(/[^.!?。！？]+[.!?。！？…»”"]*\s*/gu)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  const pieces: string[] = [];
  for (const sentence of sentences) {
    if (sentence.length <= maxCueChars) {
      pieces.push(sentence);
      continue;
    }
    let current = '';
    for (const clause of sentence.split(/(?<=[,;:，；：])\s*/u)) {
      if (current && (current + ' ' + clause).length > maxCueChars) {
        pieces.push(current);
        current = clause;
      } else {
        current = current ? `${current}${/[，；：]$/u.test(current) ? '' : ' '}${clause}` : clause;
      }
    }
    if (current) pieces.push(current);
  }
  return pieces;
}

export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * WebVTT for one locale: each paragraph's time span (from the Italian narration)
 * is shared among its pieces in proportion to their length. Cue ids are
 * `paragraph-id-n`, so a cue always points back to its paragraph.
 */
export function buildVtt(paragraphs: Pick<Paragraph, 'id' | 'text' | 'start' | 'end'>[]): string {
  const cues: string[] = ['WEBVTT', ''];
  for (const paragraph of paragraphs) {
    const pieces = splitForCaptions(paragraph.text);
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0) || 1;
    let at = paragraph.start;
    pieces.forEach((piece, index) => {
      const end = index === pieces.length - 1 ? paragraph.end : at + ((paragraph.end - paragraph.start) * piece.length) / total;
      cues.push(`${paragraph.id}-${index + 1}`, `${formatTimestamp(at)} --> ${formatTimestamp(end)}`, piece.replace(/-->/g, '→'), '');
      at = end;
    });
  }
  return cues.join('\n');
}
