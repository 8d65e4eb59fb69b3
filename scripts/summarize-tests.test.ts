import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/** scripts/summarize-tests.mjs as `npm test` runs it: a child process over the two JSON reports. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(repoRoot, 'scripts', 'summarize-tests.mjs');
const run = promisify(execFile);

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function summarize(reports: Record<string, unknown>): Promise<{ code: number; lines: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-summary-'));
  dirs.push(dir);
  const files = await Promise.all(
    Object.entries(reports).map(async ([name, report]) => {
      const file = path.join(dir, name);
      if (report !== undefined) await writeFile(file, JSON.stringify(report));
      return file;
    }),
  );
  const result = await run(process.execPath, [script, ...files], { cwd: repoRoot }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: result.code, lines: result.stdout.trim().split('\n') };
}

const keychainSuite = 'OS keychain (skipped: no Secret Service: dbus-run-session is not installed)';
const vitest = {
  numPassedTests: 40,
  numFailedTests: 0,
  numPendingTests: 3,
  numTodoTests: 0,
  numRuntimeErrorTestSuites: 0,
  testResults: [
    {
      assertionResults: [
        { ancestorTitles: [keychainSuite], title: 'probes as available', status: 'skipped' },
        { ancestorTitles: [keychainSuite], title: 'saves, reads back and deletes a secret', status: 'skipped' },
        { ancestorTitles: ['OS keychain absent'], title: 'probes as unavailable', status: 'passed' },
        { ancestorTitles: ['real Electron (skipped: no Electron binary)'], title: 'opens', status: 'pending' },
      ],
    },
  ],
};
const playwright = {
  stats: { expected: 12, unexpected: 0, skipped: 1, flaky: 0 },
  errors: [],
  suites: [
    {
      suites: [
        {
          specs: [
            { file: 'electron-app.spec.ts', title: 'starts', tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'no Electron binary here' }] }] },
            { file: 'shell.spec.ts', title: 'loads', tests: [{ status: 'expected', annotations: [] }] },
          ],
        },
      ],
    },
  ],
};

describe('the closing summary of npm test', () => {
  it('ends with the totals line and lists each skip with its reason above it', async () => {
    const { code, lines } = await summarize({ 'vitest.json': vitest, 'playwright.json': playwright });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('tests: 52 passed, 0 failed, 4 skipped');
    expect(lines.slice(0, -1)).toEqual([
      `skipped 2: ${keychainSuite}`,
      'skipped 1: real Electron (skipped: no Electron binary)',
      'skipped 1: electron-app.spec.ts: no Electron binary here',
    ]);
  });

  it('counts a report that was never written as a failure and exits non-zero', async () => {
    const { code, lines } = await summarize({ 'vitest.json': vitest, 'playwright.json': undefined });
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('summary: '))).toMatch(/playwright\.json was not written$/);
    expect(lines.at(-1)).toBe('tests: 40 passed, 1 failed, 3 skipped');
  });

  it('counts failed tests, crashed suites and runner errors', async () => {
    const broken = { ...vitest, numFailedTests: 2, numRuntimeErrorTestSuites: 1 };
    const errored = { ...playwright, stats: { ...playwright.stats, unexpected: 1 }, errors: [{ message: 'browser did not start' }] };
    const { code, lines } = await summarize({ 'vitest.json': broken, 'playwright.json': errored });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('tests: 52 passed, 5 failed, 4 skipped');
    expect(lines).toContain('failed: playwright: browser did not start');
  });

  it('names each failed test with the first line of its error, above the totals', async () => {
    const failing = {
      ...vitest,
      numFailedTests: 1,
      testResults: [
        ...vitest.testResults,
        {
          name: path.join(repoRoot, 'emulator/test/upload.test.ts'),
          status: 'failed',
          assertionResults: [
            { ancestorTitles: ['upload'], title: 'keeps the bytes', status: 'failed', failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at x.ts:1'] },
          ],
        },
      ],
    };
    const red = {
      ...playwright,
      stats: { ...playwright.stats, unexpected: 1, flaky: 1 },
      suites: [
        {
          specs: [
            { file: 'uploads.spec.ts', line: 59, title: 'drop three files', tests: [{ status: 'unexpected', results: [{ error: { message: 'Error: expect(locator).toBeVisible() failed\n\nLocator: x' } }] }] },
            { file: 'shell.spec.ts', line: 4, title: 'retried once', tests: [{ status: 'flaky', results: [{ error: { message: 'timeout' } }, {}] }] },
          ],
        },
      ],
    };
    const { code, lines } = await summarize({ 'vitest.json': failing, 'playwright.json': red });
    expect(code).toBe(1);
    expect(lines).toContain('failed: emulator/test/upload.test.ts > upload > keeps the bytes: AssertionError: expected 1 to be 2');
    expect(lines).toContain('failed: uploads.spec.ts:59 > drop three files: Error: expect(locator).toBeVisible() failed');
    expect(lines.filter((l) => l.startsWith('failed: '))).toHaveLength(2);
    // A retried pass does not fail the run but is named with its first attempt's error.
    expect(lines).toContain('flaky: shell.spec.ts:4 > retried once: timeout');
    expect(lines.at(-1)).toBe('tests: 53 passed, 2 failed, 4 skipped');
  });

  it("shows a failed test's page state (failed calls, accessible tree) above the failed lines", async () => {
    const state = ['calls sent: 9, still unanswered: editing.versions', 'answered with an error: none', '', 'page:', ...Array.from({ length: 100 }, (_, i) => `- row ${i}`)].join('\n');
    const red = {
      ...playwright,
      stats: { ...playwright.stats, unexpected: 1 },
      suites: [
        {
          specs: [
            {
              file: 'editing-versions.spec.ts',
              line: 13,
              title: 'three versions',
              tests: [{ status: 'unexpected', results: [{ error: { message: 'Error: toHaveCount' }, attachments: [{ name: 'page-state.txt', contentType: 'text/plain', body: Buffer.from(state).toString('base64') }] }] }],
            },
          ],
        },
      ],
    };
    const { lines } = await summarize({ 'vitest.json': vitest, 'playwright.json': red });
    const start = lines.indexOf('page state when editing-versions.spec.ts:13 failed:');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(lines[start + 1]).toBe('  calls sent: 9, still unanswered: editing.versions');
    expect(lines).toContain('  … 24 more lines in the Playwright report');
    expect(lines).not.toContain('  - row 76');
    expect(lines.findIndex((l) => l.startsWith('failed: editing-versions.spec.ts:13'))).toBeGreaterThan(start);
  });

  it('names a test file whose setup threw (its tests read as skipped, none as failed) and fails the run', async () => {
    const setupThrew = {
      ...vitest,
      numPendingTests: 5,
      testResults: [
        ...vitest.testResults,
        {
          name: path.join(repoRoot, 'security/electronegativity.test.ts'),
          status: 'failed',
          message: 'Command failed: electronegativity\nTypeError: version is not a function',
          assertionResults: [{ ancestorTitles: ['Electronegativity gate'], title: 'catches the canary', status: 'skipped' }],
        },
      ],
    };
    const { code, lines } = await summarize({ 'vitest.json': setupThrew, 'playwright.json': playwright });
    expect(code).toBe(1);
    expect(lines).toContain('failed to run: security/electronegativity.test.ts: Command failed: electronegativity');
    expect(lines.at(-1)).toBe('tests: 52 passed, 1 failed, 6 skipped');
  });
});
