import { afterAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../shared/domain/uploads';
import { bytes, removeTempDirs } from '../upload-queue/helpers';
import { expectBatchLandedOnce, prepareHostBatch, stageFolder, stopHost } from './host-batch';
import { localSdk, ok, startHostProcess } from './web-host-process';

afterAll(removeTempDirs);

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('uploads through the web host: durability', () => {
  it('finishes a 100-file batch with each file exactly once after the host is SIGKILLed mid-batch', async () => {
    const { source, files, dataDir } = await prepareHostBatch('host-durable', 'batch', 100, (i) => [`s${i % 5}/f${i}.bin`, bytes(9000 + i, 2000 + i * 13)]);
    // Every request of the embedded library waits 40 ms, so uploads are in flight when the kill lands.
    const env = { IK_EMULATOR_FAULTS: 'delay:40:1' };

    const first = await startHostProcess(dataDir, env);
    await ok(first.client, 'uploads.add', { sources: [await stageFolder(first.client, source)], targetFolder: '/durable', options: {} });
    const doneIds = () => new Set(first.client.events('uploads.item').filter((p) => (p as { item: UploadItem }).item.state === 'done').map((p) => (p as { item: UploadItem }).item.id));
    await until(() => doneIds().size >= 30, 60_000, '30 uploads');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(doneIds().size).toBeLessThan(100);

    const second = await startHostProcess(dataDir, env);
    try {
      await until(
        async () => (await ok<{ items: UploadItem[] }>(second.client, 'uploads.list', {})).items.every((i) => i.state === 'done'),
        120_000,
        'the resumed batch',
      );
      const { items } = await ok<{ items: UploadItem[] }>(second.client, 'uploads.list', {});
      expect(items).toHaveLength(100);

      const listed = await expectBatchLandedOnce(localSdk(dataDir), '/durable', files);
      const versions = await localSdk(dataDir).files.versions.list(listed[0]!.fileId);
      expect(versions).toHaveLength(1);
    } finally {
      await stopHost(second);
    }
  }, 240_000);
});
