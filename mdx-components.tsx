import type { MDXComponents } from 'mdx/types';
import { blockComponents } from '@/components/mdx/blocks';

/**
 * The components every MDX file gets (read by @next/mdx): the blocks authors
 * use (<Example>, <Tip>, <Definition>) and images. A lesson page adds its own
 * <Paragraph>, <Summary>, <Takeaways> and links, bound to the lesson (timings,
 * labels, live corrections): see components/lesson/mdx/lesson-components.tsx.
 */
export function useMDXComponents(components?: MDXComponents): MDXComponents {
  return { ...blockComponents, ...components };
}
