import { describe, expect, it } from 'vitest';
import { mergeResults, renderResultsMarkdown, type BenchResults } from '../bench/results-format';

/** `npm run bench -- --only X` refreshes suite X in the existing results and keeps the others. */
const machine = (load: number[]) => ({ cpu: 'Test CPU', cores: 2, memoryGb: 8, os: 'Linux 6 (x64)', node: 'v20.20.2', loadAverage: load });

const previous: BenchResults = {
  date: '2026-11-27T04:00:00.000Z',
  quick: false,
  machine: machine([1.5, 1, 0.5]),
  suites: [
    { suite: 'browser', args: [], seconds: 40, exitCode: 0, figures: [{ name: 'first paint', value: 174, unit: 'ms' }] },
    { suite: 'render', args: [], seconds: 10, exitCode: 0, figures: [{ name: 'cache hit', value: 1.29, unit: 'ms' }] },
    { suite: 'upload', args: [], seconds: 27, exitCode: 0, figures: [{ name: 'queue', value: 63.5, unit: 'MB/s' }] },
  ],
};

const partial: BenchResults = {
  date: '2026-12-05T08:00:00.000Z',
  quick: false,
  machine: machine([3.2, 2, 1]),
  suites: [
    { suite: 'render', args: [], seconds: 12, exitCode: 0, figures: [{ name: 'cache hit', value: 1.1, unit: 'ms' }] },
    { suite: 'million', args: [], seconds: 300, exitCode: 0, figures: [{ name: 'list page', value: 20, unit: 'ms' }] },
  ],
};

describe('merging a partial bench run into the previous results', () => {
  it('replaces the suites that ran, keeps the others, and orders suites by name', () => {
    const merged = mergeResults(previous, partial);
    expect(merged.suites.map((s) => s.suite)).toEqual(['browser', 'million', 'render', 'upload']);
    expect(merged.suites.find((s) => s.suite === 'render')!.figures).toEqual([{ name: 'cache hit', value: 1.1, unit: 'ms' }]);
    expect(merged.suites.find((s) => s.suite === 'upload')!.figures).toEqual([{ name: 'queue', value: 63.5, unit: 'MB/s' }]);
    expect(merged.date).toBe(partial.date);
    expect(merged.machine.loadAverage).toEqual([3.2, 2, 1]);
  });

  it('keeps each suite’s own run date and load average, and shows them in results.md', () => {
    const merged = mergeResults(previous, partial);
    const browser = merged.suites.find((s) => s.suite === 'browser')!;
    expect(browser.ranAt).toBe(previous.date);
    expect(browser.loadAverage).toEqual([1.5, 1, 0.5]);
    expect(merged.suites.find((s) => s.suite === 'million')!.ranAt).toBe(partial.date);
    const md = renderResultsMarkdown(merged);
    expect(md).toContain('- `browser`: 40 s, run 2026-11-27T04:00:00.000Z, load average 1.5 / 1 / 0.5');
    expect(md).toContain('- `million`: 300 s, run 2026-12-05T08:00:00.000Z, load average 3.2 / 2 / 1');
    expect(md).toMatch(/suites were run separately/);
  });

  it('a second merge keeps the dates stamped by the first', () => {
    const again: BenchResults = { ...partial, date: '2026-12-06T08:00:00.000Z', machine: machine([0.5, 0.5, 0.5]), suites: [{ ...partial.suites[1], seconds: 290 }] };
    const merged = mergeResults(mergeResults(previous, partial), again);
    expect(merged.suites.find((s) => s.suite === 'render')!.ranAt).toBe(partial.date);
    expect(merged.suites.find((s) => s.suite === 'browser')!.ranAt).toBe(previous.date);
    expect(merged.suites.find((s) => s.suite === 'million')!).toMatchObject({ seconds: 290, ranAt: again.date, loadAverage: [0.5, 0.5, 0.5] });
  });

  it('marks a --quick refresh on that suite only, and the whole results as partly quick', () => {
    const merged = mergeResults(previous, { ...partial, quick: true });
    expect(merged.quick).toBe(true);
    expect(merged.suites.find((s) => s.suite === 'browser')!.quick).toBe(false);
    expect(renderResultsMarkdown(merged)).toContain('- `render`: 12 s, run 2026-12-05T08:00:00.000Z with `--quick`');
  });

  it('without previous results the run stands alone, and a single run renders as before', () => {
    const merged = mergeResults(null, partial);
    expect(merged.suites.map((s) => s.suite)).toEqual(['million', 'render']);
    const md = renderResultsMarkdown(merged);
    expect(md).toContain(`Run ${partial.date} by \`npm run bench\`.`);
    expect(md).toContain('- `render`: 12 s\n');
    expect(renderResultsMarkdown(previous)).toContain('- `browser`: 40 s\n');
  });
});
