import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/chromium';

// The web hosts the tests start inherit this: their Local library then accepts remote URLs from
// the loopback servers the upload tests stand up (see electron/services/local-library/in-process.ts).
process.env.MEDIADESK_TEST_ALLOW_PRIVATE_URLS = '1';

// Chromium drives the renderer through the web host (no Electron binary exists on CI): Debian's
// /usr/bin/chromium where it is installed, else Playwright's own download (e2e/support/chromium.ts).
// Each test gets its own fresh host (started ahead, while the previous test runs: e2e/support/host-pool.ts)
// and a worker shares one account emulator (e2e/support/fixtures.ts), so there is no webServer here.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  // On CI a failed test runs once more; one that then passes still reads "flaky: …" with its first
  // attempt's error and page state in the closing summary (scripts/summarize-tests.mjs), so a timing
  // fault stays visible without failing the whole run. A test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/playwright',
  use: {
    browserName: 'chromium',
    headless: true,
    // A failed test keeps its trace with DOM snapshots of every step. Screencast frames are left out:
    // they cost about 0.8 s of CPU per test (measured: 10 tests 47.2 s CPU with them, 39.5 s without,
    // 37.3 s with no trace at all), and every passing test paid that for a trace it throws away.
    // On CI nothing but the log is kept, so no trace is recorded there (CI=true): the ~6 % of CPU goes
    // to the tests, and a failure is read from its message in the log.
    trace: process.env.CI ? 'off' : { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
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
