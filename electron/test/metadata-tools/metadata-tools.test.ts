import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { MetadataTools } from '../../services/metadata-tools/metadata-tools';
import { jpeg, referenceScene, unrelatedScenes } from './images';

let root: string;
let emulator: RunningEmulator;
let sdk: ImageKit;
let tools: MetadataTools;
let metadataCalls = 0;

const upload = async (folder: string, name: string, bytes: Buffer) =>
  sdk.files.upload({ file: await toFile(bytes, name), fileName: name, folder, useUniqueFileName: false });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-metadata-tools-'));
  emulator = await startEmulator({ port: 0, dataDir: root, quiet: true, privateKey: 'private_meta_key', publicKey: 'public_meta_key' });
  const counting: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/metadata')) metadataCalls += 1;
    return fetch(input, init);
  };
  sdk = new ImageKit({ privateKey: emulator.privateKey, baseURL: emulator.apiUrl, maxRetries: 0, fetch: counting });
  tools = new MetadataTools({ sessions: { resolve: async () => ({ client: sdk }) } });
  await upload('/photos', 'original.jpg', await jpeg(referenceScene));
  await upload('/photos', 'unrelated-0.jpg', await jpeg(unrelatedScenes[0]));
  await upload('/photos', 'unrelated-1.jpg', await jpeg(unrelatedScenes[1]));
  await upload('/photos', 'small-copy.jpg', await jpeg(referenceScene, 160));
  await upload('/photos', 'unrelated-2.jpg', await jpeg(unrelatedScenes[2]));
  await upload('/photos', 'notes.txt', Buffer.from('not an image'));
});

afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('metadata tools', () => {
  it('shows the full metadata of a file by path: dimensions, format, quality, density, profile, alpha, EXIF groups, pHash', async () => {
    const meta = await tools.fileMetadata('local', '/photos/original.jpg');
    expect(meta).toMatchObject({ source: '/photos/original.jpg', width: 480, height: 320, format: 'jpg', density: 72, hasTransparency: false, hasColorProfile: false });
    expect(meta.quality).toBeGreaterThanOrEqual(80);
    expect(meta.pHash).toMatch(/^[0-9a-f]{16}$/);
    expect(meta.exif.image).toMatchObject({ Make: 'MediaDesk Test Camera', Model: 'I9' });
  });

  it('says which path is missing', async () => {
    await expect(tools.fileMetadata('local', '/photos/nope.jpg')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'There is no file at /photos/nope.jpg in this library.' });
  });

  it('looks up a delivery URL without a transformation (the original) and with one (the rendered output)', async () => {
    const plain = await tools.urlMetadata('local', `${emulator.urlEndpoint}/photos/original.jpg`);
    expect(plain).toMatchObject({ width: 480, height: 320, format: 'jpg' });
    const transformed = await tools.urlMetadata('local', `${emulator.urlEndpoint}/tr:w-120,f-png/photos/original.jpg`);
    expect(transformed).toMatchObject({ width: 120, height: 80, format: 'png' });
    await expect(tools.urlMetadata('local', 'https://elsewhere.example/a.jpg')).rejects.toMatchObject({
      code: 'IMAGEKIT_REJECTED',
      message: expect.stringMatching(/should be accessible using your ImageKit\.io account/),
    });
  });

  it('ranks a resized copy of an image above unrelated images, and skips what is not an image', async () => {
    const result = await tools.findSimilar('local', '/photos/original.jpg', '/photos');
    expect(result.reference.filePath).toBe('/photos/original.jpg');
    expect(result.ranked.map((r) => r.name)[0]).toBe('small-copy.jpg');
    expect(result.ranked).toHaveLength(4);
    const [copy, ...others] = result.ranked;
    expect(copy.distance).toBeLessThanOrEqual(6);
    for (const other of others) expect(other.distance).toBeGreaterThan(copy.distance + 10);
    expect(result.skipped).toEqual([{ filePath: '/photos/notes.txt', reason: 'Not an image.' }]);
  });

  it('remembers pHashes per file version, so a second search costs no metadata calls', async () => {
    await tools.findSimilar('local', '/photos/original.jpg', '/photos');
    const before = metadataCalls;
    await tools.findSimilar('local', '/photos/original.jpg', '/photos/');
    expect(metadataCalls).toBe(before);
  });

  it('refuses a reference without a pHash', async () => {
    await expect(tools.findSimilar('local', '/photos/notes.txt', '/photos')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
