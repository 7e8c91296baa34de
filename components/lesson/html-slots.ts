import type { ReactNode } from 'react';

/**
 * Server-rendered subtrees handed from the page (React Server Components) to
 * the HTML render of a client island in the same process, without travelling
 * in the RSC payload: the island puts them in its HTML once and keeps that DOM
 * in the browser (Transcript.tsx). Both renders of a page run in one process
 * (Next renders the payload and, from it, the HTML in one call), but from two
 * module graphs: hence one map on globalThis. Keys name the content (same key,
 * same subtree), so a subtree rendered twice is stored once, and the map is
 * bounded: the oldest key goes first.
 */
const maxSlots = 256;
const registry = Symbol.for('aula.htmlSlots');
type Global = typeof globalThis & { [registry]?: Map<string, ReactNode> };

function slots(): Map<string, ReactNode> {
  const global = globalThis as Global;
  return (global[registry] ??= new Map());
}

export function putHtmlSlot(key: string, node: ReactNode): string {
  const map = slots();
  map.delete(key);
  map.set(key, node);
  if (map.size > maxSlots) map.delete(map.keys().next().value!);
  return key;
}

/** The subtree for the island's HTML; a missing one is a bug (a render split across processes), never an empty transcript. */
export function takeHtmlSlot(key: string): ReactNode {
  const node = slots().get(key);
  if (node === undefined) throw new Error(`No server-rendered subtree under "${key}"`);
  return node;
}
