import type { Command } from 'commander';
import { CliContext } from './context';
import { describeError, EXIT } from './errors';
import { Output, type Streams } from './output';

export interface GlobalOptions {
  data?: string;
  profile?: string;
  json?: boolean;
}

export interface CliEnvironment {
  streams: Streams;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
}

export interface RunContext {
  ctx: CliContext;
  out: Output;
  globals: GlobalOptions;
  io: CliEnvironment;
}

/** What a command action returns: its exit code (0 when omitted). */
export type Action<A extends unknown[]> = (run: RunContext, ...args: A) => Promise<number | void>;

/**
 * Wraps a command action: composes the services for the chosen data folder, runs the action,
 * turns any failure into its exit code and a message (JSON with --json), and always closes what
 * was opened (the Local library, databases).
 */
export function action<A extends unknown[]>(io: CliEnvironment, setExit: (code: number) => void, what: string, fn: Action<A>) {
  return async (...raw: unknown[]): Promise<void> => {
    const command = raw[raw.length - 1] as Command;
    const globals = command.optsWithGlobals<GlobalOptions>();
    const out = new Output(globals.json === true, io.streams);
    let ctx: CliContext | null = null;
    try {
      ctx = new CliContext({ data: globals.data, env: io.env });
      const code = await fn({ ctx, out, globals, io }, ...(raw.slice(0, -1) as A));
      setExit(code ?? EXIT.ok);
    } catch (error) {
      const failure = describeError(error, what);
      if (out.json) out.data({ ok: false, error: { code: failure.code, message: failure.message } });
      else out.note(`mediadesk: ${failure.message}`);
      setExit(failure.exitCode);
    } finally {
      await ctx?.close().catch(() => undefined);
    }
  };
}
