// Prints one closing line over the Vitest and Playwright JSON reports: "tests: N passed, N failed, N skipped".
// A missing report counts as a failure: a runner that crashed before writing it ran nothing we can trust.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) { console.error(`summary: ${file} was not written`); failed += 1; continue; }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(report.testResults)) {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    passed += report.stats.expected ?? 0;
    failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) * 0;
    skipped += report.stats.skipped ?? 0;
    if ((report.errors ?? []).length) failed += report.errors.length;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
