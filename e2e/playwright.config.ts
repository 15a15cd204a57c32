import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (`apt-get install chromium`); Playwright's own browser
 * downloads are never used. The server under test (the api serving both Angular builds) is
 * expected at E2E_BASE_URL.
 */
const baseURL = process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  // The account factory (the demo admin) signs in once, before any test (see support/fixtures.ts).
  globalSetup: './support/global-setup.ts',
  outputDir: '../tmp/e2e-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Two cores shared with the server under test.
  workers: process.env['CI'] ? 1 : 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: 'fr-CA',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
