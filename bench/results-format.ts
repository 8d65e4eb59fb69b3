import type { BenchFigure } from './report.js';

export interface SuiteResult {
  suite: string;
  args: string[];
  seconds: number;
  exitCode: number | null;
  figures: BenchFigure[];
  error?: string;
  /** When this suite ran and the machine's load average then; set when results are merged from several runs. */
  ranAt?: string;
  loadAverage?: number[];
  quick?: boolean;
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

/**
 * `npm run bench -- --only a,b`: the new run's suites replace the same suites of the previous results
 * and every other suite is kept, so figures can be refreshed suite by suite. Each suite keeps the date
 * and load average of the run that measured it (a suite from a run before this bookkeeping inherits
 * its run's). The merged results carry the new run's date and machine.
 */
export function mergeResults(previous: BenchResults | null, current: BenchResults): BenchResults {
  const stamp = (run: BenchResults) => (s: SuiteResult): SuiteResult => ({
    ...s,
    ranAt: s.ranAt ?? run.date,
    loadAverage: s.loadAverage ?? run.machine.loadAverage,
    quick: s.quick ?? run.quick,
  });
  const replaced = new Set(current.suites.map((s) => s.suite));
  const kept = (previous?.suites ?? []).filter((s) => !replaced.has(s.suite)).map(stamp(previous!));
  const suites = [...kept, ...current.suites.map(stamp(current))].sort((a, b) => (a.suite < b.suite ? -1 : a.suite > b.suite ? 1 : 0));
  return { ...current, quick: suites.some((s) => s.quick), suites };
}

/** Whether the suites come from more than one run (then each one's date and load are shown). */
function mixedRuns(results: BenchResults): boolean {
  return results.suites.some((s) => s.ranAt !== undefined && s.ranAt !== results.date);
}

function suiteLine(s: SuiteResult, mixed: boolean): string {
  const when = mixed && s.ranAt ? `, run ${s.ranAt}${s.quick ? ' with `--quick`' : ''}${s.loadAverage ? `, load average ${s.loadAverage.join(' / ')}` : ''}` : '';
  return `- \`${s.suite}\`${s.args.length ? ` (\`${s.args.join(' ')}\`)` : ''}: ${s.seconds} s${s.error ? `, ${s.error}` : ''}${when}`;
}

export function renderResultsMarkdown(results: BenchResults): string {
  const mixed = mixedRuns(results);
  const runs = results.suites.map((s) => suiteLine(s, mixed));
  const header = mixed
    ? `Merged by \`npm run bench -- --only …\`: suites were run separately (latest ${results.date}); each suite's run date and load average are in the list of suites below the table.`
    : `Run ${results.date}${results.quick ? ' with `--quick` (reduced sizes)' : ''} by \`npm run bench\`.`;
  return [
    '# MediaDesk benchmark results',
    '',
    header,
    '',
    `Machine: ${describeMachine(results)}${mixed ? ' (load average at the start of the latest run)' : ''}.`,
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
    `Latest run: ${results.date.slice(0, 10)}${results.quick ? ' (`--quick`, reduced sizes)' : ''}${mixedRuns(results) ? ' (suites refreshed separately, see bench/results.md)' : ''} on ${describeMachine(results)}.`,
    '',
    renderTable(results),
    '',
    'Full results: `bench/results.md` and `bench/results.json`.',
  ].join('\n');
}
