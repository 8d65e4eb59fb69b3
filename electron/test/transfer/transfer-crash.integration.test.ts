import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferSpec } from '../../services/transfer/types';
import { listTree, startTwoAccounts, upload, versionChecksums, type TwoAccounts } from './transfer-harness';

/**
 * SIGKILL in the middle of a transfer, then the same transfer again: every file and every
 * version must be at the target exactly once, with the source's checksums. A proxy in front of
 * the target holds back the answers of uploads the target has already stored, and the kill
 * lands while it holds one: the worst case, an upload that happened but was never confirmed.
 */
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'transfer-child.ts');
const FILES = 12;
let env: TwoAccounts;

interface HoldingProxy {
  url: string;
  /** Resolves when the target has answered an upload with 200 and the proxy is holding that answer. */
  nextHeld(): Promise<void>;
  close(): Promise<void>;
}

async function holdingProxy(targetApi: string, holdMs: number): Promise<HoldingProxy> {
  const target = new URL(targetApi);
  let waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      const isUpload = req.method === 'POST' && (req.url ?? '').startsWith('/api/v1/files/upload');
      const forward = () => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      };
      if (isUpload && answer.statusCode === 200) {
        const ready = waiters;
        waiters = [];
        ready.forEach((w) => w());
        setTimeout(forward, holdMs);
      } else forward();
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextHeld: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runChild(config: unknown): { child: ChildProcess; lines: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code) lines.push(`STDERR ${stderr}`);
      resolve({ code, signal });
    }),
  );
  return { child, lines, exited };
}

beforeAll(async () => {
  env = await startTwoAccounts();
  for (let i = 0; i < FILES; i++) {
    const name = `/batch/part${i % 3}/f${String(i).padStart(2, '0')}.bin`;
    await upload(env.a.sdk, name, randomBytes(150_000 + i * 1000), { tags: [`n${i}`] });
    await upload(env.a.sdk, name, randomBytes(160_000 + i * 1000), { overwriteFile: true, tags: [`n${i}`, 'v2'], customMetadata: {} });
  }
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('a transfer killed with SIGKILL and run again', () => {
  it('puts every file and version at the target exactly once, with equal checksums', async () => {
    const proxy = await holdingProxy(env.b.apiUrl, 400);
    const spec: TransferSpec = { source: { kind: 'library', profileId: 'a', path: '/batch' }, target: { profileId: 'b', path: '/landed' }, mode: 'copy', versions: true, deleteExtraneous: false, onConflict: 'ask' };
    const config = (targetApi: string) => ({
      dataDir: env.dataDir,
      spec,
      accounts: {
        a: { apiUrl: env.a.apiUrl, urlEndpoint: env.a.urlEndpoint, privateKey: env.a.privateKey },
        b: { apiUrl: targetApi, urlEndpoint: env.b.urlEndpoint, privateKey: env.b.privateKey },
      },
    });
    try {
      const first = runChild(config(proxy.url));
      // Let a few uploads finish, then kill while the target has stored an upload whose answer is held back.
      const ended = first.exited.then(() => {
        throw new Error(`the transfer ended before it could be killed:\n${first.lines.join('\n')}`);
      });
      for (let i = 0; i < 6; i++) await Promise.race([proxy.nextHeld(), ended]);
      first.child.kill('SIGKILL');
      const killed = await first.exited;
      expect(killed.signal).toBe('SIGKILL');
      expect(first.lines.some((l) => l.startsWith('DONE'))).toBe(false);
      const landedBefore = await listTree(env.b.sdk, '/landed');
      expect(landedBefore.length).toBeGreaterThan(0);
      expect(landedBefore.length).toBeLessThan(FILES);

      const second = runChild(config(proxy.url));
      const resumed = await second.exited;
      expect(resumed.code, second.lines.join('\n')).toBe(0);
      expect(second.lines[0]).toMatch(/^JOB \S+ resumed$/);
      expect(second.lines.at(-1)).toBe('DONE complete');
    } finally {
      await proxy.close();
    }
    const source = await listTree(env.a.sdk, '/batch');
    const target = await listTree(env.b.sdk, '/landed');
    // Exactly once: the same paths, no extra names, and each file with exactly the source's versions.
    expect(target.map((f) => f.filePath)).toEqual(source.map((f) => f.filePath?.replace('/batch', '/landed')));
    for (const [i, file] of target.entries()) {
      const versions = await env.b.sdk.files.versions.list(file.fileId ?? '');
      expect(versions, file.filePath).toHaveLength(2);
      expect(await versionChecksums(env.b, file), file.filePath).toEqual(await versionChecksums(env.a, source[i]));
      expect(file.tags).toEqual(source[i].tags);
    }
  });
});
