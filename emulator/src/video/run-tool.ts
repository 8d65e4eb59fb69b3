import { spawn } from 'node:child_process';

/** An ffmpeg/ffprobe run that failed: its exit status and the end of what it printed on stderr. */
export class ToolFailed extends Error {
  constructor(
    readonly tool: string,
    readonly code: number | null,
    readonly stderrTail: string,
  ) {
    super(`${tool} failed (${code === null ? 'killed' : `exit ${code}`}): ${stderrTail.trim().split('\n').slice(-3).join(' | ') || 'no output'}`);
    this.name = 'ToolFailed';
  }
}

/** The run was stopped because its signal fired (client gone, emulator closing). */
export class ToolAborted extends Error {
  constructor() {
    super('The video job was stopped before it finished.');
    this.name = 'ToolAborted';
  }
}

export interface RunToolOptions {
  signal?: AbortSignal;
  /** Kill the process after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Largest stdout kept; more fails the run (default 64 MiB). */
  maxStdoutBytes?: number;
  cwd?: string;
}

const STDERR_TAIL = 8 * 1024;

/**
 * Runs an executable with an argument list (never a shell, so file names are never interpreted),
 * collects stdout and the tail of stderr, and kills it on abort or timeout.
 */
export function runTool(file: string, args: string[], options: RunToolOptions = {}): Promise<Buffer> {
  const { signal, timeoutMs = 10 * 60_000, maxStdoutBytes = 64 * 1024 * 1024, cwd } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ToolAborted());
      return;
    }
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, cwd });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: Error | undefined;
    const stop = (why: Error) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const onAbort = () => stop(new ToolAborted());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop(new ToolFailed(file, null, `timed out after ${timeoutMs} ms`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) stop(new ToolFailed(file, null, `output exceeded ${maxStdoutBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (err) => stop(err));
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code !== 0) reject(new ToolFailed(file, code, stderr));
      else resolve(Buffer.concat(chunks));
    });
  });
}
