// Prints one closing line over the Vitest and Playwright JSON reports: "tests: N passed, N failed, N skipped".
// A missing report counts as a failure: a runner that crashed before writing it ran nothing we can trust.
// Above that line it names every failed test with the first line of its error (a CI log is often read
// only from its end), names the end-to-end tests that passed only on their retry ("flaky"), shows the
// page state of a failed end-to-end test, and says what was skipped and why (the reason is in the
// suite's title or skip note), so a machine without the system packages shows which checks it could not make.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Vitest names files by absolute path; the repo-relative one reads the same on every machine. */
const relative = (file) => (path.isAbsolute(file) ? path.relative(process.cwd(), file) : file);

/** Vitest: a skipped test's reason lives in its suite title, e.g. "OS keychain (skipped: …)". */
function vitestSkips(report) {
  return report.testResults.flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
      .map((t) => t.ancestorTitles?.[0] ?? t.title),
  );
}

/** Terminal colour codes (ESC [ … m) that Playwright and chai leave in their messages. */
const COLOUR_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first line of an error message that says something, cut to one readable line. */
function firstLine(message) {
  const line = String(message ?? '').replace(COLOUR_CODE, '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** Vitest: "failed: <file> > <suite> > <test>: <first line of the error>". */
function vitestFailures(report) {
  return report.testResults.flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === 'failed')
      .map((t) => `failed: ${relative(file.name)} > ${[...(t.ancestorTitles ?? []), t.title].join(' > ')}: ${firstLine(t.failureMessages?.[0])}`),
  );
}

/** Every test of a Playwright report with its spec (suites nest: describe blocks inside files). */
function playwrightTests(report) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) out.push({ spec, test });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

/** Playwright: a test whose final result is not what was expected (a retried pass is "flaky", not failed). */
function playwrightFailures(report) {
  const failed = playwrightTests(report)
    .filter(({ test }) => test.status === 'unexpected')
    .map(({ spec, test }) => `failed: ${spec.file}:${spec.line ?? 0} > ${spec.title}: ${firstLine((test.results ?? []).at(-1)?.error?.message)}`);
  return [...failed, ...(report.errors ?? []).map((error) => `failed: playwright: ${firstLine(error.message)}`)];
}

/** How many lines of a failed test's page state the summary shows (the whole state is in the report). */
const PAGE_STATE_LINES = 80;

/**
 * Playwright: the "page-state.txt" each failed attempt attaches (e2e/support/failure-report.ts: the calls
 * that failed or never came back, and the page's accessible tree), so a step that waited for something
 * that never showed says, in the log's tail, what the page showed instead. Failed and flaky tests (a
 * flaky one shows its failed attempt), the first two only.
 */
function playwrightPageStates(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'unexpected' || test.status === 'flaky')
    .slice(0, 2)
    .flatMap(({ spec, test }) => {
      const state = (test.results ?? []).flatMap((r) => r.attachments ?? []).find((a) => a.name === 'page-state.txt' && a.body);
      if (!state) return [];
      const text = Buffer.from(state.body, 'base64').toString('utf8').replace(COLOUR_CODE, '').split('\n');
      const shown = text.slice(0, PAGE_STATE_LINES).map((line) => `  ${line}`);
      if (text.length > PAGE_STATE_LINES) shown.push(`  … ${text.length - PAGE_STATE_LINES} more lines in the Playwright report`);
      return [`page state when ${spec.file}:${spec.line ?? 0} failed:`, ...shown];
    });
}

/** Playwright: a test that failed and then passed on its retry, with the first attempt's error. */
function playwrightFlaky(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'flaky')
    .map(({ spec, test }) => {
      const failedAttempt = (test.results ?? []).find((r) => r.error);
      return `flaky: ${spec.file}:${spec.line ?? 0} > ${spec.title}: ${firstLine(failedAttempt?.error?.message)}`;
    });
}

/** Playwright: the reason is the `skip` annotation's description, else the spec's title. */
function playwrightSkips(report) {
  return playwrightTests(report)
    .filter(({ test }) => test.status === 'skipped')
    .map(({ spec, test }) => {
      const note = (test.annotations ?? []).find((a) => a.type === 'skip' && a.description);
      return `${spec.file}: ${note ? note.description : spec.title}`;
    });
}

export function summarize(reports) {
  let passed = 0, failed = 0, skipped = 0;
  const skips = [];
  const lines = [];
  for (const [file, report] of reports) {
    if (report === undefined) { lines.push(`summary: ${file} was not written`); failed += 1; continue; }
    if (Array.isArray(report.testResults)) {
      passed += report.numPassedTests ?? 0;
      failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
      // A file whose setup threw (beforeAll, an import) fails with no failed test: its tests read as skipped,
      // so it is counted and named here, or the summary would look green over a red run.
      for (const file of report.testResults) {
        if (file.status !== 'failed' || (file.assertionResults ?? []).some((t) => t.status === 'failed')) continue;
        lines.push(`failed to run: ${relative(file.name)}: ${String(file.message ?? '').split('\n')[0]}`);
        failed += 1;
      }
      lines.push(...vitestFailures(report));
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      skips.push(...vitestSkips(report));
    } else if (report.stats) {
      passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected ?? 0;
      skipped += report.stats.skipped ?? 0;
      if ((report.errors ?? []).length) failed += report.errors.length;
      lines.unshift(...playwrightPageStates(report));
      lines.push(...playwrightFlaky(report), ...playwrightFailures(report));
      skips.push(...playwrightSkips(report));
    }
  }
  const counts = new Map();
  for (const reason of skips) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  for (const [reason, n] of counts) lines.push(`skipped ${n}: ${reason}`);
  lines.push(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { lines, failed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reports = process.argv.slice(2).map((file) => [file, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined]);
  const { lines, failed } = summarize(reports);
  for (const line of lines) console.log(line);
  process.exit(failed > 0 ? 1 : 0);
}
