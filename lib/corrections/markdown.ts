import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { classifyLink } from '@/lib/content/links';

// An editor's correction is inline markdown: emphasis, strong emphasis and
// links, in one paragraph (a summary: paragraphs separated by a blank line).
// It is parsed as plain CommonMark (never MDX: nothing is evaluated) and then
// rendered through the lesson's own components (render.tsx). Anything else —
// HTML, JSX, `{expressions}`, code, headings, images, `javascript:` links — is
// refused before it is stored, with a message in the editor's language.

export type MarkdownProblem = 'correctionMarkup' | 'correctionLink';

const inline = new Set(['root', 'paragraph', 'text', 'emphasis', 'strong', 'link', 'break']);

export function parseInlineMarkdown(text: string): Root {
  return fromMarkdown(text);
}

function firstProblem(node: Nodes): MarkdownProblem | undefined {
  if (node.type === 'link' && classifyLink(node.url).kind === 'invalid') return 'correctionLink';
  if (!inline.has(node.type)) return 'correctionMarkup';
  if ('children' in node) {
    for (const child of node.children) {
      const problem = firstProblem(child);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Why a correction cannot be stored, or undefined when it can. `{` and `}` are
 * refused too: harmless here, they would become code when the correction is
 * written back into the MDX file.
 */
export function correctionProblem(text: string): MarkdownProblem | undefined {
  if (/[{}<>]/.test(text)) return 'correctionMarkup';
  return firstProblem(parseInlineMarkdown(text));
}

/** The words of a correction, without its markup: for captions, search and the .txt transcript. */
export function markdownToPlain(text: string): string {
  const tree = parseInlineMarkdown(text);
  return tree.children.map((block) => toString(block).replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}
