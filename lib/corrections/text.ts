// The text side of corrections, pure: how an editor's text replaces a
// paragraph or the summary, and how the summary is edited as one text.
// A correction is inline markdown (markdown.ts); the lesson's `text` gets its
// plain words (captions, search, the .txt transcript), the page renders the
// markdown itself (render.tsx).

import { markdownToPlain } from './markdown';

/** The live text over a lesson: a paragraph (by id) or the summary. */
export type ActiveOverride = { target: 'paragraph' | 'summary'; targetId: string; text: string };

/** The summary as one editable text: its paragraphs separated by a blank line. */
export function summaryToText(summary: string[]): string {
  return summary.join('\n\n');
}

export function textToSummary(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A paragraph is one line of text: whitespace is collapsed as the MDX reader does. */
export function normalizeParagraph(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The corrections as the page renders them (markdown): by paragraph id, and the summary's (unless empty). */
export function correctionSources(overrides: ActiveOverride[]): { paragraphs: Record<string, string>; summary?: string } {
  const paragraphs = Object.fromEntries(overrides.filter((o) => o.target === 'paragraph').map((o) => [o.targetId, normalizeParagraph(o.text)]));
  const summary = overrides.find((o) => o.target === 'summary');
  const parts = summary ? textToSummary(summary.text) : [];
  return parts.length > 0 ? { paragraphs, summary: summaryToText(parts) } : { paragraphs };
}

/**
 * Applies the active overrides to a lesson text (pure). Overrides that point at
 * a paragraph the text no longer has are ignored, as is an empty summary.
 */
export function applyOverrides<T extends { paragraphs: { id: string; text: string }[]; summary: string[] }>(text: T, overrides: ActiveOverride[]): T {
  if (overrides.length === 0) return text;
  const byParagraph = new Map(overrides.filter((o) => o.target === 'paragraph').map((o) => [o.targetId, o.text]));
  const summary = overrides.find((o) => o.target === 'summary');
  const summaryParts = summary ? textToSummary(summary.text).map(markdownToPlain).filter(Boolean) : [];
  return {
    ...text,
    paragraphs: text.paragraphs.map((p) => (byParagraph.has(p.id) ? { ...p, text: markdownToPlain(normalizeParagraph(byParagraph.get(p.id)!)) } : p)),
    summary: summaryParts.length > 0 ? summaryParts : text.summary,
  };
}
