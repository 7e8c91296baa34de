import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      // Plain links on purpose: pages are prerendered documents and work without JS.
      '@next/next/no-html-link-for-pages': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Pages, route handlers and components receive data from the feature modules in lib/; only lib/ reaches db/.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '**/db/*'], message: 'Pages and components get data from a feature module in lib/, never from db/.' }] }],
    },
  },
  { ignores: ['.next/**', '.bench/**', 'bench-results/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'public/**', 'next-env.d.ts'] },
];

export default config;
