// How MDX files are compiled: by Next (next.config.mjs, through @next/mdx) and by
// the tests that render every lesson (tests/unit/lesson-render.test.ts). Plugins
// are named by package, as strings, because Turbopack hands loader options to
// another process. remark-frontmatter reads the YAML header so it is not shown.
export const mdxCompileOptions = {
  remarkPlugins: [['remark-frontmatter', ['yaml']]],
  rehypePlugins: [],
};
