import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../shared/domain/uploads';
import { bytes, download, listAll, removeTempDirs, sha, tempDir, writeTree } from '../upload-queue/helpers';
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
    const src = await tempDir('host-durable');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 100; i++) files[`batch/s${i % 5}/f${i}.bin`] = bytes(9000 + i, 2000 + i * 13);
    await writeTree(src, files);
    const dataDir = path.join(await tempDir('host-data'), 'data');
    // Every request of the embedded library waits 40 ms, so uploads are in flight when the kill lands.
    const env = { IK_EMULATOR_FAULTS: 'delay:40:1' };

    const first = await startHostProcess(dataDir, env);
    await ok(first.client, 'uploads.add', { sources: [{ kind: 'path', path: path.join(src, 'batch') }], targetFolder: '/durable', options: {} });
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

      const listed = (await listAll(localSdk(dataDir))).filter((f) => f.filePath.startsWith('/durable/'));
      expect(listed).toHaveLength(100); // nothing twice: no `-1` copies, no `_xyz` unique-name twins
      const byPath = new Map(listed.map((f) => [f.filePath, f]));
      for (const [rel, content] of Object.entries(files)) {
        const file = byPath.get('/durable/' + rel);
        expect(file, rel).toBeDefined();
        expect(sha(await download(file!.url)), rel).toBe(sha(content));
      }
      const versions = await localSdk(dataDir).files.versions.list(listed[0]!.fileId);
      expect(versions).toHaveLength(1);
    } finally {
      second.client.close();
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 240_000);
});
