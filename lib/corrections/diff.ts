// What a correction changes, word by word (character by character in Chinese),
// for the editor to see before → after, and the rule for when it needs an
// explicit confirmation. Pure: the editor's form runs it as the text is typed,
// the apply action runs it again before storing anything.

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Words, runs of spaces, single Han characters, single marks. */
function tokens(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}\p{M}'’]+|\s+|[^\s]/gu) ?? [];
}

/** A longest-common-subsequence diff over tokens; neighbouring parts of one kind are joined. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i++]!);
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      push('added', b[j++]!);
    } else {
      push('removed', a[i++]!);
    }
  }
  return parts;
}

const visible = (text: string) => text.replace(/\s+/g, '').length;

/** The share of the passage's visible characters that the correction removes, 0–1. */
export function removedShare(before: string, after: string): number {
  const total = visible(before);
  if (total === 0) return 0;
  const removed = diffWords(before, after).reduce((sum, part) => sum + (part.kind === 'removed' ? visible(part.text) : 0), 0);
  return removed / total;
}

/** Above this share removed, an editor confirms explicitly: a one-sentence suggestion pasted over a paragraph is a likely slip. */
export const confirmRemovalAbove = 0.5;

export function needsRemovalConfirmation(before: string, after: string): boolean {
  return removedShare(before, after) > confirmRemovalAbove;
}
