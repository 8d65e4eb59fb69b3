/**
 * `npm run bench`: runs every bench suite (each bench/*.ts except this runner and report.ts), one after
 * another so they do not compete for the CPU, and writes bench/results.json, bench/results.md (figures,
 * peers, ratios, targets) and the same table into the README's benchmark section, with the machine.
 * A suite's last stdout line is its JSON summary (bench/report.ts); its other output streams through.
 * Not a test: it takes minutes. Options:
 *   --only render,upload   run just these suites; their results replace the same suites in the existing
 *                          bench/results.json and the other suites are kept (each with its own run date and load)
 *   --quick                smaller sizes for a fast look (recorded in the results)
 *   --timeout-min 20       stop a suite that runs longer (it is recorded as failed; the others still run)
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseBenchSummary, type BenchFigure } from './report.js';
import { mergeResults, renderReadmeSection, renderResultsMarkdown, type BenchResults, type SuiteResult } from './results-format.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const NOT_SUITES = new Set(['run.ts', 'report.ts', 'results-format.ts']);

/** Smaller runs for `--quick`, per suite (suites without an entry run as they are). */
const QUICK_ARGS: Record<string, string[]> = {
  'emulator-api': ['--library', '20000', '--files', '100'],
  upload: ['--files', '100', '--big-mb', '256'],
  browser: ['--files', '20000'],
  transfer: ['--files', '100', '--size-mb', '0.25'],
  million: ['--library', '100000'],
  'fresh-thumbnails': ['--files', '30', '--rounds', '1'],
};

async function suites(only: string[] | undefined): Promise<string[]> {
  const names = (await readdir(benchDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_SUITES.has(f)).map((f) => f.slice(0, -3)).sort();
  if (!only) return names;
  const unknown = only.filter((o) => !names.includes(o));
  if (unknown.length) throw new Error(`No bench suite named ${unknown.join(', ')}; there are: ${names.join(', ')}.`);
  return names.filter((n) => only.includes(n));
}

function runSuite(name: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; seconds: number; timedOut: boolean }> {
  const started = performance.now();
  // Its own process group, so a suite that hangs is stopped with everything it started (hosts, browsers).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.ts`), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }, timeoutMs);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, seconds: (performance.now() - started) / 1000, timedOut });
    });
  });
}

function machine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** Replaces the README's marked benchmark block (and nothing else) with the latest table. */
async function updateReadme(section: string): Promise<boolean> {
  const file = path.join(repoRoot, 'README.md');
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  await writeFile(file, `${text.slice(0, start + README_START.length)}\n${section}\n${text.slice(end)}`);
  return true;
}

/** The previous results, to merge a partial (`--only`) run into; null when there are none or they do not parse. */
async function previousResults(file: string): Promise<BenchResults | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
    return Array.isArray(parsed?.suites) && typeof parsed.date === 'string' && parsed.machine ? parsed : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, 'timeout-min': { type: 'string', default: '20' } } });
  const timeoutMs = Number(values['timeout-min']) * 60_000;
  if (!(timeoutMs > 0)) throw new Error(`--timeout-min must be a positive number of minutes, got ${values['timeout-min']}.`);
  const names = await suites(values.only?.split(',').map((s) => s.trim()).filter(Boolean));
  const results: BenchResults = { date: new Date().toISOString(), quick: values.quick, machine: machine(), suites: [] };
  for (const name of names) {
    const args = values.quick ? (QUICK_ARGS[name] ?? []) : [];
    console.log(`\n=== bench ${name} ${args.join(' ')}`.trimEnd());
    const run = await runSuite(name, args, timeoutMs);
    const summary = parseBenchSummary(run.stdout);
    const suite: SuiteResult = { suite: name, args, seconds: Number(run.seconds.toFixed(1)), exitCode: run.code, figures: summary?.figures ?? ([] as BenchFigure[]) };
    if (run.timedOut) suite.error = `stopped after ${values['timeout-min']} min`;
    else if (run.code !== 0) suite.error = `exited with code ${run.code}`;
    else if (!summary) suite.error = 'printed no JSON summary on its last line (see bench/report.ts)';
    results.suites.push(suite);
  }
  const resultsFile = path.join(benchDir, 'results.json');
  const written = values.only ? mergeResults(await previousResults(resultsFile), results) : results;
  await writeFile(resultsFile, `${JSON.stringify(written, null, 2)}\n`);
  await writeFile(path.join(benchDir, 'results.md'), renderResultsMarkdown(written));
  const readme = await updateReadme(renderReadmeSection(written));
  const kept = written.suites.length - results.suites.length;
  console.log(`\nwrote bench/results.json and bench/results.md${readme ? ' and the README benchmark table' : ''}${values.only ? ` (${results.suites.length} suite(s) replaced, ${kept} kept from the previous results)` : ''}`);
  const failed = results.suites.filter((s) => s.error);
  if (failed.length) {
    console.error(`bench: ${failed.map((s) => `${s.suite} ${s.error}`).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
