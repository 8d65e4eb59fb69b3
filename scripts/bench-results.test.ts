import { describe, expect, it } from 'vitest';
import { parseBenchSummary } from '../bench/report';
import { renderReadmeSection, renderTable, type BenchResults } from '../bench/results-format';

/** `npm run bench` itself takes minutes and never runs in `npm test`; its parsing and tables do. */
const results: BenchResults = {
  date: '2026-11-27T04:00:00.000Z',
  quick: false,
  machine: { cpu: 'Test CPU', cores: 2, memoryGb: 8, os: 'Linux 6 (x64)', node: 'v20.20.2', loadAverage: [1.5, 1, 0.5] },
  suites: [
    {
      suite: 'render', args: [], seconds: 60, exitCode: 0,
      figures: [
        { name: 'first render | miss', value: 246.6, unit: 'ms', peer: { name: 'bare sharp', value: 86.3, unit: 'ms' }, ratio: 2.86, ratioOf: 'emulator / bare sharp', target: 'ratio ≤ 1.3', met: false },
        { name: 'cache hit', value: 1.29, unit: 'ms', target: '≤ 3 ms', met: true },
      ],
    },
    { suite: 'browser', args: [], seconds: 5, exitCode: 1, figures: [], error: 'exited with code 1' },
  ],
};

describe('bench summaries and the results table', () => {
  it('reads a suite summary from the last stdout line only', () => {
    expect(parseBenchSummary('human line\n{"suite":"x","figures":[{"name":"a","value":1,"unit":"ms"}]}\n')).toEqual({ suite: 'x', figures: [{ name: 'a', value: 1, unit: 'ms' }] });
    expect(parseBenchSummary('{"suite":"x","figures":[]}\nlast line is prose')).toBeNull();
    expect(parseBenchSummary('{"figures":[]}')).toBeNull();
    expect(parseBenchSummary('')).toBeNull();
  });

  it('shows value, peer, ratio, target and whether it was met, one row per figure, escaping pipes', () => {
    const rows = renderTable(results).split('\n');
    expect(rows[0]).toBe('| Suite | Figure | Value | Peer (same run) | Ratio | Target | Status |');
    expect(rows[2]).toBe('| render | first render \\| miss | 246.6 ms | bare sharp: 86.3 ms | 2.86 (emulator / bare sharp) | ratio ≤ 1.3 | **missed** |');
    expect(rows[3]).toBe('| render | cache hit | 1.29 ms |  |  | ≤ 3 ms | met |');
    expect(rows[4]).toBe('| browser | exited with code 1 | | | | | **failed** |');
  });

  it('names the machine in the README section', () => {
    expect(renderReadmeSection(results)).toMatch(/^Latest run: 2026-11-27 on Test CPU, 2 cores, 8 GB RAM, Linux 6 \(x64\), Node v20\.20\.2/);
  });
});
