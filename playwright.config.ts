import { defineConfig } from '@playwright/test';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test launches its own browser with the extension; two cores allow one at a time without flakiness.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    // The built Chrome MV3 package in Debian's Chromium, driven by Playwright.
    { name: 'chromium', testDir: 'tests/e2e' },
    // The built Firefox package in Debian's Firefox ESR, driven over WebDriver BiDi (tests/e2e-firefox/README.md).
    { name: 'firefox', testDir: 'tests/e2e-firefox' },
  ],
});
