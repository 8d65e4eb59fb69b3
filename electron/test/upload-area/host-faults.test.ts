import { afterAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../shared/domain/uploads';
import { bytes, removeTempDirs } from '../upload-queue/helpers';
import { expectBatchLandedOnce, prepareHostBatch, stageFolder, stopHost } from './host-batch';
import { localSdk, ok, startHostProcess } from './web-host-process';

afterAll(removeTempDirs);

describe('uploads through the web host: faults', () => {
  it('completes a 200-file batch with no loss while 20% of requests answer 429 or 503', async () => {
    const { source, files, dataDir } = await prepareHostBatch('host-faults', 'many', 200, (i) => [`d${i % 4}/n${i}.bin`, bytes(20_000 + i, 1000 + i * 7)]);
    const host = await startHostProcess(dataDir, { IK_EMULATOR_FAULTS: '429:0.1,503:0.1' });
    try {
      const added = await ok<{ batchId: number }>(host.client, 'uploads.add', { sources: [await stageFolder(host.client, source)], targetFolder: '/faults', options: {} });
      const done = (await host.client.nextEvent('uploads.batchDone', (p) => (p as { summary: { batchId: number } }).summary.batchId === added.batchId)) as {
        summary: { counts: Record<string, number> };
      };
      expect(done.summary.counts).toMatchObject({ done: 200, failed: 0 });
      const { items } = await ok<{ items: UploadItem[] }>(host.client, 'uploads.list', {});
      // Retries happened and were visible on the items (attempts > 1) — the faults really struck uploads.
      expect(items.filter((i) => i.attempts > 1).length).toBeGreaterThan(0);

      // Faults strike API requests only (emulator/src/faults.ts), so the delivery URL serves the bytes as stored.
      await expectBatchLandedOnce(localSdk(dataDir), '/faults', files);
    } finally {
      await stopHost(host);
    }
  }, 300_000);
});
