import type { BenchFigure } from './report.js';

export interface SuiteResult {
  suite: string;
  args: string[];
  seconds: number;
  exitCode: number | null;
  figures: BenchFigure[];
  error?: string;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadAverage: number[] };
  suites: SuiteResult[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const amount = (value: number, unit: string) => `${value} ${unit}`;

function status(f: BenchFigure): string {
  if (f.met === undefined) return '';
  return f.met ? 'met' : '**missed**';
}

/** One table row per figure: what, value, the peer doing the same work, the ratio, the target. */
export function renderTable(results: BenchResults): string {
  const rows = ['| Suite | Figure | Value | Peer (same run) | Ratio | Target | Status |', '| --- | --- | ---: | --- | ---: | --- | --- |'];
  for (const suite of results.suites) {
    if (suite.error && suite.figures.length === 0) {
      rows.push(`| ${suite.suite} | ${cell(suite.error)} | | | | | **failed** |`);
      continue;
    }
    for (const f of suite.figures) {
      const peer = f.peer ? `${cell(f.peer.name)}: ${amount(f.peer.value, f.peer.unit)}` : '';
      const ratio = f.ratio === undefined ? '' : `${f.ratio}${f.ratioOf ? ` (${cell(f.ratioOf)})` : ''}`;
      rows.push(`| ${suite.suite} | ${cell(f.name)} | ${amount(f.value, f.unit)} | ${peer} | ${ratio} | ${cell(f.target ?? '')} | ${status(f)} |`);
    }
  }
  return rows.join('\n');
}

export function describeMachine(results: BenchResults): string {
  const m = results.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}; load average at start ${m.loadAverage.join(' / ')}`;
}

export function renderResultsMarkdown(results: BenchResults): string {
  const runs = results.suites.map((s) => `- \`${s.suite}\`${s.args.length ? ` (\`${s.args.join(' ')}\`)` : ''}: ${s.seconds} s${s.error ? `, ${s.error}` : ''}`);
  return [
    '# MediaDesk benchmark results',
    '',
    `Run ${results.date}${results.quick ? ' with `--quick` (reduced sizes)' : ''} by \`npm run bench\`.`,
    '',
    `Machine: ${describeMachine(results)}.`,
    '',
    renderTable(results),
    '',
    'Suites:',
    ...runs,
    '',
  ].join('\n');
}

/** The README's benchmark block: the table and the machine, pointing at the full results. */
export function renderReadmeSection(results: BenchResults): string {
  return [
    `Latest run: ${results.date.slice(0, 10)}${results.quick ? ' (`--quick`, reduced sizes)' : ''} on ${describeMachine(results)}.`,
    '',
    renderTable(results),
    '',
    'Full results: `bench/results.md` and `bench/results.json`.',
  ].join('\n');
}
