import { createRequire } from 'node:module';
import { evaluate } from '@mdx-js/mdx';
import type { MDXComponents, MDXContent } from 'mdx/types';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { mdxCompileOptions } from '@/lib/content/mdx-options.mjs';
import { useMDXComponents } from '@/mdx-components';

// Compiles MDX as Next does (the same options, plugins named by package, the
// same mdx-components.tsx) and renders it to HTML: what a lesson page shows.

const require = createRequire(import.meta.url);

type Plugin = string | [string, unknown];

async function load(plugins: readonly Plugin[]) {
  return Promise.all(
    plugins.map(async (plugin) => {
      const [name, options] = typeof plugin === 'string' ? [plugin, undefined] : plugin;
      const mod = (await import(require.resolve(name))) as { default: unknown };
      return options === undefined ? mod.default : [mod.default, options];
    }),
  );
}

export async function compileMdx(source: string): Promise<MDXContent> {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    remarkPlugins: (await load(mdxCompileOptions.remarkPlugins as Plugin[])) as never,
    rehypePlugins: (await load(mdxCompileOptions.rehypePlugins as Plugin[])) as never,
    useMDXComponents,
  });
  return Content;
}

export function renderMdx(Content: MDXContent, components: MDXComponents): string {
  return renderToStaticMarkup(createElement(Content, { components }));
}
