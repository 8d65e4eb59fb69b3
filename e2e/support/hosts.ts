import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startEntry, type ReadyProcess } from './processes';

export interface WebHost {
  /** The printed URL, token fragment included: what a person would open. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  proc: ReadyProcess;
  stop(): Promise<void>;
}

export interface Emulator {
  apiUrl: string;
  urlEndpoint: string;
  privateKey: string;
  publicKey: string;
  proc: ReadyProcess;
  stop(): Promise<void>;
}

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `mediadesk-e2e-${prefix}-`));
}

/**
 * What `npm run web -- --port 0 --data <fresh dir>` runs, ready once it prints `web ready url=…#token=…`.
 * `env` replaces the inherited environment (the host pool passes the one its worker started with).
 */
export async function startWebHost(extraArgs: string[] = [], env?: NodeJS.ProcessEnv): Promise<WebHost> {
  const dataDir = tempDir('web');
  const { proc, line } = await startEntry('electron/web/cli.ts', ['--port', '0', '--data', dataDir, ...extraArgs], /^web ready url=(\S+)/, { env });
  const url = /^web ready url=(\S+)/.exec(line)![1]!;
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token');
  if (!token) throw new Error(`web host printed a URL without #token=: ${line}`);
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    proc,
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second emulator standing in for an ImageKit account, with keys chosen here so the test knows
 * exactly which bytes must never reach the page.
 */
export async function startAccountEmulator(id = 'acct'): Promise<Emulator> {
  const dataDir = tempDir('emu');
  const privateKey = `private_${randomBytes(18).toString('base64url')}`;
  const publicKey = `public_${randomBytes(18).toString('base64url')}`;
  // What `npm run emulator` runs, but from the launch bundle rather than tsx: ready in about a
  // second instead of six (tsx compiles each emulator module on every start).
  const { proc, line } = await startEntry(
    'emulator/src/cli.ts',
    ['--port', '0', '--data', dataDir, '--id', id, '--private-key', privateKey, '--public-key', publicKey],
    /^emulator ready api=(\S+) urlEndpoint=(\S+)/,
  );
  const [, apiUrl, urlEndpoint] = /^emulator ready api=(\S+) urlEndpoint=(\S+)/.exec(line)!;
  return {
    apiUrl: apiUrl!,
    urlEndpoint: urlEndpoint!,
    privateKey,
    publicKey,
    proc,
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
