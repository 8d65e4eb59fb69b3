import cliProgress from 'cli-progress';
import Table from 'cli-table3';

// The app's own size formatter, so the CLI and the views write sizes alike.
export { formatBytes } from '../shared/format-bytes';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ProgressBar {
  update(done: number, payload?: Record<string, string | number>): void;
  setTotal(total: number): void;
  stop(): void;
}

/**
 * Everything the commands print goes through here: a human form (tables, progress bars on the
 * terminal) or, with --json, one JSON document on stdout. Progress bars are drawn on stderr and
 * only on a terminal, so pipes and scripts get clean output.
 */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly streams: Streams = { stdout: process.stdout, stderr: process.stderr },
  ) {}

  /** A line for people (not printed in --json mode). */
  line(text = ''): void {
    if (!this.json) this.streams.stdout.write(`${text}\n`);
  }

  /** A note on stderr (warnings, hints); kept out of stdout so --json stays parseable. */
  note(text: string): void {
    this.streams.stderr.write(`${text}\n`);
  }

  /** The command's result: JSON in --json mode, else nothing (the human form was printed already). */
  data(value: unknown): void {
    if (this.json) this.streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  table(head: string[], rows: (string | number)[][], options: { alignRight?: number[] } = {}): void {
    if (this.json) return;
    const table = new Table({
      head,
      style: { head: [], border: [] },
      colAligns: head.map((_, i) => (options.alignRight?.includes(i) ? 'right' : 'left')),
      wordWrap: true,
    });
    table.push(...rows.map((r) => r.map(String)));
    this.streams.stdout.write(`${table.toString()}\n`);
  }

  /** A progress bar on stderr when it is a terminal (and not --json); otherwise a no-op. */
  bar(format: string, total: number, formatValue?: (value: number) => string): ProgressBar {
    if (this.json || !this.streams.stderr.isTTY) return { update: () => undefined, setTotal: () => undefined, stop: () => undefined };
    const bar = new cliProgress.SingleBar(
      {
        format,
        stream: this.streams.stderr as NodeJS.WriteStream,
        hideCursor: true,
        clearOnComplete: true,
        formatValue: formatValue ? (v, _o, type) => (type === 'value' || type === 'total' ? formatValue(v) : String(v)) : undefined,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done, payload) => bar.update(done, payload), setTotal: (t) => bar.setTotal(t), stop: () => bar.stop() };
  }
}
