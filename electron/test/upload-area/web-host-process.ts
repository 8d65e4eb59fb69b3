import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import { connect, type TestClient } from '../helpers/ws-client';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface HostProcess {
  child: ChildProcess;
  port: number;
  token: string;
  client: TestClient;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * The real web host (`electron/web/cli.ts`) as its own process on `dataDir`, with a WebSocket client
 * connected the way the window connects. `env` reaches its embedded Local library (e.g. IK_EMULATOR_FAULTS).
 */
export async function startHostProcess(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/web/cli.ts'), '--port', '0', '--data', dataDir, '--no-keychain'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /web ready url=(\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    void exited.then(() => reject(new Error(`web host exited:\n${log}`)));
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token')!;
  const port = Number(parsed.port);
  const client = await connect(port, token);
  return { child, port, token, client, output: () => log, exited };
}

/** The official SDK on the host's Local library (keys and endpoint as this run left them in the data dir). */
export function localSdk(dataDir: string): ImageKit {
  const keys = JSON.parse(readFileSync(path.join(dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { profiles: { kind: string; urlEndpoint: string }[] };
  const local = settings.profiles.find((p) => p.kind === 'local')!;
  return new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(local.urlEndpoint).origin, maxRetries: 3 });
}

export async function ok<T>(client: TestClient, channel: string, input?: unknown): Promise<T> {
  const result = await client.request(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

/** Closes the window's connection and stops the host (SIGTERM, as the OS asks), if it is still running. */
export async function stopHostProcess(host: HostProcess | undefined): Promise<void> {
  if (!host) return;
  host.client.close();
  if (host.child.exitCode === null) {
    host.child.kill('SIGTERM');
    await host.exited;
  }
}
