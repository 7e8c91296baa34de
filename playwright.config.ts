import { defineConfig, devices } from '@playwright/test';
import { chromium } from './tests/e2e/support/chromium';
import { e2e } from './tests/e2e/support/env';
import { startCommandArgs } from './scripts/lib/start-command';

export default defineConfig({
  testDir: 'tests/e2e',
  // The cluster's tests start PostgreSQL, two instances and nginx: their own config (playwright.cluster.config.ts).
  testIgnore: /cluster\.spec\.ts$/,
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // One retry: a test that passes only on its retry is reported as flaky (npm test names it), not hidden.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { baseURL: e2e.baseURL, trace: 'retain-on-failure', launchOptions: chromium },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium }, grep: /@phone/ },
  ],
  webServer: {
    // As `npm start` runs it (scripts/lib/start-command.ts).
    command: ['node', ...startCommandArgs()].join(' '),
    url: `${e2e.baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    env: { ...e2e.serverEnv },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
