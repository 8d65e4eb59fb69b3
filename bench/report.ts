/**
 * The summary every bench suite prints as the last line of its stdout, one JSON object, which
 * `npm run bench` (bench/run.ts) collects into bench/results.json and the Markdown table. Suites keep
 * printing their human-readable lines before it.
 */
export interface BenchFigure {
  /** What was measured, e.g. "list page (1000 items), median". */
  name: string;
  value: number;
  unit: string;
  /** The same work done by a reference tool in the same run, when there is one. */
  peer?: { name: string; value: number; unit: string };
  /** The ratio the target is about, and what it divides ("SDK / curl throughput"). */
  ratio?: number;
  ratioOf?: string;
  /** The target in words ("≤ 50 ms", "ratio ≥ 0.8"). */
  target?: string;
  /** Whether the target was met in this run. */
  met?: boolean;
}

export interface BenchSummary {
  suite: string;
  figures: BenchFigure[];
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Prints the summary as the suite's last stdout line (call it last). */
export function printBenchSummary(summary: BenchSummary): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** Reads a suite's summary from its stdout; null when the last line is not one. */
export function parseBenchSummary(stdout: string): BenchSummary | null {
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  try {
    const value = JSON.parse(last) as BenchSummary;
    if (typeof value?.suite === 'string' && Array.isArray(value.figures)) return value;
  } catch {
    // a human-readable line: the suite has no summary
  }
  return null;
}
