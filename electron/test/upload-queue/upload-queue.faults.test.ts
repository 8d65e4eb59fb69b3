import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import { bytes, download, listAll, removeTempDirs, sha, tempDir, writeTree } from './helpers.js';

// 20% 429 + 20% 503 on every API request (uploads and the listings the queue makes), plus dropped connections.
const emu = withEmulator({ faults: '429:0.2,503:0.2,drop:0.03' });

afterAll(removeTempDirs);

describe('UploadQueue under injected faults', () => {
  it('finishes a 200-file batch with no loss and no duplicates', async () => {
    const src = await tempDir('faults');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 200; i++) files[`d${i % 5}/f${i}.bin`] = bytes(1000 + i, 200 + (i % 17) * 31);
    await writeTree(src, files);
    const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'q.db'), {
      retry: { baseDelayMs: 10, maxDelayMs: 300, maxAttempts: 30 },
    });
    q.start();
    try {
      let retried = 0;
      q.on('item', (it) => it.state === 'queued' && it.errorMessage && retried++);
      const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/faults' });
      await q.whenIdle();
      const items = q.items({ batchId });
      const notDone = items.filter((i) => i.state !== 'done');
      expect(notDone.map((i) => `${i.fileName}: ${i.state} ${i.errorMessage}`)).toEqual([]);
      expect(retried).toBeGreaterThan(20); // the faults really happened and were retried

      const sdk = emu.current.sdk.withOptions({ maxRetries: 10 });
      const lib = (await listAll(sdk)).filter((f) => f.filePath.startsWith('/faults/'));
      expect(lib).toHaveLength(200);
      expect(new Set(lib.map((f) => f.filePath)).size).toBe(200);
      const byPath = new Map(lib.map((f) => [f.filePath, f]));
      for (const [rel, content] of Object.entries(files)) {
        const f = byPath.get(`/faults/${path.basename(src)}/${rel}`);
        expect(f?.size, rel).toBe(content.length);
      }
      // Bytes of a sample (delivery is not fault-injected; 200 downloads would only slow the suite).
      for (const rel of ['d0/f0.bin', 'd3/f108.bin', 'd4/f199.bin']) {
        const f = byPath.get(`/faults/${path.basename(src)}/${rel}`);
        expect(sha(await download(f?.url as string))).toBe(sha(files[rel]));
      }
    } finally {
      await q.close();
    }
  }, 180_000);
});
