import type { Element } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { correctionProblem, parseInlineMarkdown } from './markdown';

/**
 * An editor's correction as React elements, through the same components as the
 * lesson (links resolved the same way): markdown → mdast → hast → React, with no
 * raw HTML and nothing evaluated; text is escaped by React. A correction that
 * fails the check (stored before the check existed, say) is shown as plain text.
 */
export function renderCorrection(text: string, components: Partial<Components>): ReactNode {
  if (correctionProblem(text)) return text.split(/\n\s*\n/).map((part, index) => <p key={index}>{part}</p>);
  const hast = toHast(parseInlineMarkdown(text)); // allowDangerousHtml is off: html nodes would be dropped
  return toJsxRuntime(hast as Element, { Fragment, jsx, jsxs, components, passKeys: true, passNode: false });
}
