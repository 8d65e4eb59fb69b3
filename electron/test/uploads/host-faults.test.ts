import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../shared/domain/uploads';
import { bytes, download, listAll, removeTempDirs, sha, tempDir, writeTree } from '../upload-queue/helpers';
import { localSdk, ok, startHostProcess } from './web-host-process';

afterAll(removeTempDirs);

describe('uploads through the web host: faults', () => {
  it('completes a 200-file batch with no loss while 20% of requests answer 429 or 503', async () => {
    const src = await tempDir('host-faults');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 200; i++) files[`many/d${i % 4}/n${i}.bin`] = bytes(20_000 + i, 1000 + i * 7);
    await writeTree(src, files);
    const dataDir = path.join(await tempDir('host-faults-data'), 'data');
    const host = await startHostProcess(dataDir, { IK_EMULATOR_FAULTS: '429:0.1,503:0.1' });
    try {
      const added = await ok<{ batchId: number }>(host.client, 'uploads.add', { sources: [{ kind: 'path', path: path.join(src, 'many') }], targetFolder: '/faults', options: {} });
      const done = (await host.client.nextEvent('uploads.batchDone', (p) => (p as { summary: { batchId: number } }).summary.batchId === added.batchId)) as {
        summary: { counts: Record<string, number> };
      };
      expect(done.summary.counts).toMatchObject({ done: 200, failed: 0 });
      const { items } = await ok<{ items: UploadItem[] }>(host.client, 'uploads.list', {});
      // Retries happened and were visible on the items (attempts > 1) — the faults really struck uploads.
      expect(items.filter((i) => i.attempts > 1).length).toBeGreaterThan(0);

      const sdk = localSdk(dataDir);
      const listed = (await listAll(sdk)).filter((f) => f.filePath.startsWith('/faults/'));
      expect(listed).toHaveLength(200);
      const byPath = new Map(listed.map((f) => [f.filePath, f]));
      for (const [rel, content] of Object.entries(files)) {
        const file = byPath.get('/faults/' + rel);
        expect(file, rel).toBeDefined();
        // Faults strike API requests only (emulator/src/faults.ts), so the delivery URL serves the bytes as stored.
        expect(sha(await download(file!.url)), rel).toBe(sha(content));
      }
    } finally {
      host.client.close();
      host.child.kill('SIGTERM');
      await host.exited;
    }
  }, 300_000);
});
