import { defineConfig, devices } from '@playwright/test';
import { chromium } from './tests/e2e/support/chromium';

/**
 * The browser tests on a cluster (tests/e2e/cluster.spec.ts): PostgreSQL, two
 * app instances and nginx, which the spec starts itself (npm run cluster) from
 * the production build the main browser tests use. Run after them by
 * scripts/test.mjs; on their own:
 * `npx playwright test --config playwright.cluster.config.ts`.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /cluster\.spec\.ts$/,
  outputDir: 'test-results/cluster',
  workers: 1,
  retries: 1,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-cluster.json' }]],
  use: { trace: 'retain-on-failure', launchOptions: chromium },
  projects: [{ name: 'cluster', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
});
