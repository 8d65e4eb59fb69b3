#!/usr/bin/env bash
# `npm test`: type-check and lint, build the renderer (the web-host and `npm start` tests serve the real
# build), every Vitest project and then the Playwright e2e suite against the web host in Chromium, both
# inside a private keyring session so the OS keychain is a real Secret Service.
#
# On a machine without the system packages it still runs every suite that can run: without
# gnome-keyring/dbus the keychain integration tests skip with that reason (scripts/with-keyring.sh),
# and without /usr/bin/chromium Playwright's own Chromium is fetched and used (playwright.config.ts).
# Ends with one summary line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json
status=0
npm run --silent typecheck || status=1
npm run --silent lint || status=1
npm run --silent build || status=1
scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

# The same rule as e2e/support/chromium.ts: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -e /usr/bin/chromium ]; then
  echo "test: /usr/bin/chromium is not installed (apt-get install chromium); using Playwright's own Chromium."
  npx playwright install chromium ||
    echo "test: Playwright's Chromium could not be downloaded either, so the e2e tests cannot start a browser."
fi
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json scripts/with-keyring.sh npx playwright test --reporter=list,json || status=1
node scripts/summarize-tests.mjs test-results/vitest.json test-results/playwright.json || status=1
exit $status
