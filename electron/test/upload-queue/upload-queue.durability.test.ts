import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { bytes, download, listAll, removeTempDirs, sha, tempDir, writeTree } from './helpers.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const child = path.join(import.meta.dirname, 'fixtures', 'queue-child.ts');
// Every API request waits 40 ms, so several uploads are always in flight when the kill lands.
const emu = withEmulator({ faults: 'delay:40:1' });

afterAll(removeTempDirs);

function run(args: string[]): { proc: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
  });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      if (code) console.error(err);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('UploadQueue durability', () => {
  it('finishes a 100-file batch exactly once after the process is SIGKILLed mid-batch', async () => {
    const src = await tempDir('durable');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 100; i++) files[`s${i % 4}/k${i}.bin`] = bytes(5000 + i, 3000 + i * 7);
    await writeTree(src, files);
    const dbPath = path.join(await tempDir('db'), 'queue.db');
    const { apiUrl, privateKey } = emu.current;

    const first = run([dbPath, apiUrl, privateKey, src, '/durable']);
    await until(() => first.lines.filter((l) => l.startsWith('done')).length >= 30, 60_000);
    first.proc.kill('SIGKILL');
    await first.exited;
    const doneBeforeKill = first.lines.filter((l) => l.startsWith('done')).length;
    expect(doneBeforeKill).toBeLessThan(100);

    const second = run([dbPath, apiUrl, privateKey]);
    expect(await second.exited).toBe(0);
    const idle = second.lines.find((l) => l.startsWith('idle'));
    expect(idle).toBe('idle {"done":100}');

    const lib = (await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/durable/'));
    expect(lib).toHaveLength(100);
    const byPath = new Map(lib.map((f) => [f.filePath, f]));
    for (const [rel, content] of Object.entries(files)) {
      const f = byPath.get(`/durable/${path.basename(src)}/${rel}`);
      expect(f?.size, rel).toBe(content.length);
      const versions = await emu.current.sdk.files.versions.list(f?.fileId as string);
      expect(versions, `${rel} was sent twice`).toHaveLength(1);
    }
    for (const rel of ['s0/k0.bin', 's1/k53.bin', 's3/k99.bin']) {
      expect(sha(await download(byPath.get(`/durable/${path.basename(src)}/${rel}`)?.url as string))).toBe(sha(files[rel]));
    }
  }, 180_000);
});
