import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliEmulator {
  child: ChildProcess;
  apiUrl: string;
  urlEndpoint: string;
  stdout: () => string;
  /** Resolves with the exit code / signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `emulator/src/cli.ts` as a child process (as `npm run emulator` does) and waits for its ready line. */
export async function spawnCli(args: string[], env: Record<string, string> = {}): Promise<CliEmulator> {
  return waitReady(
    spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'emulator/src/cli.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, IMAGEKIT_PRIVATE_KEY: '', IMAGEKIT_PUBLIC_KEY: '', IK_EMULATOR_FAULTS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/**
 * Runs the documented command line literally: `npm run emulator -- <args>`, in its own process group
 * (npm → sh → tsx → node) so `stopGroup` can end all of it.
 */
export async function spawnNpmEmulator(args: string[], env: Record<string, string> = {}): Promise<CliEmulator> {
  return waitReady(
    spawn('npm', ['run', 'emulator', '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, IMAGEKIT_PRIVATE_KEY: '', IMAGEKIT_PUBLIC_KEY: '', IK_EMULATOR_FAULTS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
}

/** Sends `signal` to the process group `spawnNpmEmulator` started. */
export function stopGroup(cli: CliEmulator, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (cli.child.pid !== undefined) process.kill(-cli.child.pid, signal);
}

async function waitReady(child: ChildProcess): Promise<CliEmulator> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator CLI not ready in 30 s\n${out}\n${err}`)), 30_000);
    const check = () => {
      const m = /^emulator ready api=(\S+) urlEndpoint=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code }) => reject(new Error(`emulator CLI exited (${code}) before ready\n${out}\n${err}`)));
  });
  return { child, apiUrl: ready[1], urlEndpoint: ready[2], stdout: () => out, exited };
}
