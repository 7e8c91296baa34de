import 'server-only';
import { createHash } from 'node:crypto';
import type { ReactNode } from 'react';
import { putHtmlSlot } from './html-slots';

/**
 * Puts the transcript's server-rendered paragraphs where the island's HTML
 * render finds them, under a key naming everything they are made of (the
 * lesson and its text locale, the page's locale, the live corrections, the
 * labels): the RSC payload carries that key, never the paragraphs again.
 */
export function transcriptSlot(paragraphs: ReactNode, madeOf: unknown): string {
  const key = `transcript:${createHash('sha256').update(JSON.stringify(madeOf)).digest('base64url').slice(0, 22)}`;
  return putHtmlSlot(key, paragraphs);
}
