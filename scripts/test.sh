#!/usr/bin/env bash
# `npm test`: type-check and lint, build the renderer (the web-host and `npm start` tests serve the real
# build), every Vitest project and then the Playwright e2e suite against the web host in Debian's
# Chromium, both inside a private keyring session so the OS keychain is a real Secret Service.
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
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json scripts/with-keyring.sh npx playwright test --reporter=list,json || status=1
node scripts/summarize-tests.mjs test-results/vitest.json test-results/playwright.json || status=1
exit $status
