/**
 * Renderer bundle benchmark (not a test): builds the renderer (`vite build`, unless --no-build and
 * dist/renderer exists) and reports
 *  - the initial JavaScript, what index.html makes the browser fetch before the app runs (its module
 *    script and the closure of static imports), minified and gzip: target ≤ 250 kB minified;
 *  - the largest chunk: target ≤ 500 kB;
 * beside React's own runtime chunk (react + react-dom + scheduler) as the peer: the floor any React
 * renderer starts from. scripts/bundle-budget.test.ts fails `npm test` when a target regresses.
 * Run: npx tsx bench/bundle.ts [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../e2e/support/processes';
import { CHUNK_TARGET_KB, INITIAL_JS_TARGET_KB, kB, measureBundle } from './support/bundle-size';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const rendererDir = path.join(repoRoot, 'dist', 'renderer');

async function main(): Promise<void> {
  if (!args['no-build'] || !existsSync(path.join(rendererDir, 'index.html'))) {
    // Vite's own progress goes to stderr so this suite's stdout stays its report.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  }
  const report = await measureBundle(rendererDir);
  const largest = report.chunks[0]!;
  console.log('initial JavaScript (index.html → static imports):');
  for (const c of report.initial) console.log(`  ${c.file.padEnd(44)} ${String(kB(c.bytes)).padStart(7)} kB  gzip ${String(kB(c.gzip)).padStart(6)} kB`);
  console.log(`  total ${kB(report.initialBytes)} kB minified, ${kB(report.initialGzip)} kB gzip (target ≤ ${INITIAL_JS_TARGET_KB} kB minified)`);
  console.log(`largest chunk: ${largest.file} ${kB(largest.bytes)} kB (target ≤ ${CHUNK_TARGET_KB} kB); ${report.chunks.length} JS chunks, ${kB(report.chunks.reduce((n, c) => n + c.bytes, 0))} kB in all`);
  if (report.react) console.log(`React runtime chunk (peer): ${kB(report.react.bytes)} kB minified, ${kB(report.react.gzip)} kB gzip`);

  const peer = report.react ? { name: 'React runtime chunk alone (react, react-dom, scheduler)', value: kB(report.react.bytes), unit: 'kB' } : undefined;
  const figures: BenchFigure[] = [
    {
      name: 'initial renderer JS (index.html + static imports), minified',
      value: kB(report.initialBytes),
      unit: 'kB',
      peer,
      ratio: report.react ? round(report.initialBytes / report.react.bytes) : undefined,
      ratioOf: report.react ? 'initial JS / React runtime' : undefined,
      target: `≤ ${INITIAL_JS_TARGET_KB} kB`,
      met: kB(report.initialBytes) <= INITIAL_JS_TARGET_KB,
    },
    { name: 'initial renderer JS, gzip', value: kB(report.initialGzip), unit: 'kB', peer: report.react ? { name: 'React runtime chunk, gzip', value: kB(report.react.gzip), unit: 'kB' } : undefined },
    { name: `largest renderer chunk (${path.basename(largest.file).replace(/-[\w]+\.js$/, '')})`, value: kB(largest.bytes), unit: 'kB', target: `≤ ${CHUNK_TARGET_KB} kB`, met: kB(largest.bytes) <= CHUNK_TARGET_KB },
  ];
  printBenchSummary({ suite: 'bundle', figures });
}

await main();
