export declare const mdxCompileOptions: {
  remarkPlugins: (string | [string, unknown])[];
  rehypePlugins: (string | [string, unknown])[];
};
