import { existsSync } from 'node:fs';

/** Where Debian/Ubuntu's `chromium` package puts the browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the e2e tests and browser benches launch: CHROMIUM_PATH when set (used as given, so a
 * wrong path fails loudly), else the system's Chromium when it is installed. `undefined` means
 * neither: Playwright then launches the Chromium it downloads itself (`npx playwright install
 * chromium`, which scripts/test.sh runs in that case).
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env, systemPath = SYSTEM_CHROMIUM): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync(systemPath) ? systemPath : undefined;
}
