import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ReadyProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Ends the process group this helper started (npm and the node processes under it), then waits for it to exit. */
  stop(): Promise<void>;
}

export interface Started {
  proc: ReadyProcess;
  line: string;
  lines: string[];
}

/**
 * Starts `npm run <script> -- <args>` in its own process group and resolves once a line matches
 * `ready`; rejects with the captured output if it exits or stays silent past `timeoutMs`.
 * For tests of the npm command itself; hosts a test merely needs start through startEntry.
 */
export function startScript(script: string, args: string[], ready: RegExp, timeoutMs = 30_000): Promise<Started> {
  return startProcess('npm', ['run', '--silent', script, '--', ...args], `npm run ${script}`, ready, timeoutMs);
}

/**
 * Starts `node scripts/launch.mjs <entry> <args>`: what `npm run web` runs, minus npm itself, whose own
 * start (about a second of CPU on a 2-core runner) was paid again by every test. The entry runs from
 * the same cached bundle as under npm, rebuilt when any of its sources changed.
 */
export function startEntry(
  entry: string,
  args: string[],
  ready: RegExp,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Started> {
  const { timeoutMs = 30_000, env } = options;
  return startProcess(process.execPath, ['scripts/launch.mjs', entry, ...args], entry, ready, timeoutMs, env);
}

function startProcess(
  command: string,
  args: string[],
  label: string,
  ready: RegExp,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached: true, // own process group, so stop() ends the grandchildren too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, FORCE_COLOR: '0' },
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: ReadyProcess = {
    child,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* exited meanwhile */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };

  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let partial = '';
    const timer = setTimeout(() => {
      void proc.stop();
      reject(new Error(`${label} printed no line matching ${ready} within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log += text;
      partial += text;
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve({ proc, line, lines: [...lines] });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (code ${code}, signal ${signal}) before it was ready:\n${log}`));
    });
  });
}
