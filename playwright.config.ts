import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/chromium';

// The web hosts the tests start inherit this: their Local library then accepts remote URLs from
// the loopback servers the upload tests stand up (see electron/services/local-library/in-process.ts).
process.env.MEDIADESK_TEST_ALLOW_PRIVATE_URLS = '1';

// Chromium drives the renderer through the web host (no Electron binary exists on CI): Debian's
// /usr/bin/chromium where it is installed, else Playwright's own download (e2e/support/chromium.ts).
// Each test starts its own host and emulators (see e2e/support/fixtures.ts), so there is no webServer here.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/playwright',
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
