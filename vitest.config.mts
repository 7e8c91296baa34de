import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      // `server-only` throws outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, 'tests/support/empty.mock.ts') },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/content/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    // AULA_TEST_DB=postgres: a PostgreSQL server for the run (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // next-auth imports `next/server` without an extension; let Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
    pool: 'forks',
    testTimeout: 30_000,
  },
});
