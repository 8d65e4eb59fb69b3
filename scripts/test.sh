#!/usr/bin/env bash
# `npm test`: type-check and lint, build the renderer (the web-host and `npm start` tests serve the real
# build), every Vitest project and then the Playwright e2e suite against the web host in Chromium, both
# inside a private keyring session so the OS keychain is a real Secret Service.
#
# On a machine without the system packages it still runs every suite that can run: without
# gnome-keyring/dbus the keychain integration tests skip with that reason (scripts/with-keyring.sh),
# and without /usr/bin/chromium Playwright's own Chromium is fetched and used (playwright.config.ts).
# Each part prints how long it took ("test: <part> took N s"); the run ends with one summary line:
# "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json
status=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Runs one step with its output kept in $logs/<name>.log and its duration in $logs/<name>.time.
step() {
  local name=$1 start=$SECONDS rc
  shift
  "$@" >"$logs/$name.log" 2>&1
  rc=$?
  echo $((SECONDS - start)) >"$logs/$name.time"
  return $rc
}

# Type check, lint and the renderer build each use one core, read only the sources and write nothing
# the others read (tsc -b writes .tsbuild/, which eslint ignores; vite writes dist/), so on a 2-core
# runner they run side by side. Each one's output is then printed whole, in this order.
step typecheck npm run --silent typecheck & typecheck=$!
step lint npm run --silent lint & lint=$!
step build npm run --silent build & build=$!
for pair in "typecheck $typecheck" "lint $lint" "build $build"; do
  set -- $pair
  wait "$2" || { status=1; echo "test: $1 failed"; }
  cat "$logs/$1.log"
  echo "test: $1 took $(cat "$logs/$1.time") s"
done

start=$SECONDS
scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
echo "test: vitest took $((SECONDS - start)) s"

# The same rule as e2e/support/chromium.ts: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -e /usr/bin/chromium ]; then
  echo "test: /usr/bin/chromium is not installed (apt-get install chromium); using Playwright's own Chromium."
  npx playwright install chromium ||
    echo "test: Playwright's Chromium could not be downloaded either, so the e2e tests cannot start a browser."
fi
start=$SECONDS
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json scripts/with-keyring.sh npx playwright test --reporter=list,json || status=1
echo "test: e2e took $((SECONDS - start)) s"
node scripts/summarize-tests.mjs test-results/vitest.json test-results/playwright.json || status=1
exit $status
