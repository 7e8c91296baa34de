/** A paragraph's span in the Italian narration, in seconds. */
export type Span = { id: string; start: number; end: number };

/**
 * The paragraph being spoken at `time`: the last one that has started and not
 * ended. Before the first it is the first; past the end, the last.
 */
export function activeParagraph(spans: Span[], time: number): string | undefined {
  if (spans.length === 0) return undefined;
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (spans[middle]!.start <= time) low = middle;
    else high = middle - 1;
  }
  return spans[low]!.id;
}

/** The start time of a paragraph id (from a #hash), if it exists. */
export function startOf(spans: Span[], id: string): number | undefined {
  return spans.find((span) => span.id === id)?.start;
}

/** The span being spoken at `time` (see activeParagraph), with its data. */
export function spanAt<S extends Span>(spans: S[], time: number): S | undefined {
  const id = activeParagraph(spans, time);
  return spans.find((span) => span.id === id);
}
