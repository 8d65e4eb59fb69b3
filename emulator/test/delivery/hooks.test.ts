import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/delivery/index.js';
import type { LibraryReader } from '../../src/context.js';
import { withEmulator } from '../helpers/emulator.js';
import { uploadImage } from './http-helpers.js';
import { magic, quadrants, solid } from './pixels.js';

/** A library with no files: pre-transformations only read the bytes being uploaded. */
const emptyLibrary: LibraryReader = {
  currentByPath: () => undefined,
  currentById: () => undefined,
  version: () => undefined,
  filesIn: () => [],
  folder: () => undefined,
  blobPath: (hash) => `/nonexistent/${hash}`,
};

describe('DeliveryHooks', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  async function delivery() {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-delivery-'));
    dirs.push(dataDir);
    return createDelivery({ id: 'local', privateKey: 'k', publicKey: 'p', dataDir, apiUrl: 'http://127.0.0.1:1', urlEndpoint: 'http://127.0.0.1:1/local' }, emptyLibrary);
  }

  it('preTransform renders an upload transformation.pre string, text layers included', async () => {
    const d = await delivery();
    const out = await d.hooks.preTransform(await quadrants(400, 300, 'jpeg'), 'w-100,h-100,l-text,i-Imagekit,fs-20,l-end');
    expect(out.mime).toBe('image/jpeg');
    expect(await sharp(out.data).metadata()).toMatchObject({ width: 100, height: 100 });
    await d.close();
  });

  it('preTransform refuses a bad string with a 400 naming the parameter', async () => {
    const d = await delivery();
    await expect(d.hooks.preTransform(await solid(10, 10, [0, 0, 0]), 'w-huge')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('"w"') });
    await d.close();
  });

  it('purge of a URL outside this endpoint is a no-op', async () => {
    const d = await delivery();
    await expect(d.hooks.purge('https://ik.imagekit.io/other/a.jpg')).resolves.toBeUndefined();
    await d.close();
  });
});

describe('metadata of a transformed URL (GET /v1/metadata?url=) uses renderUrl', () => {
  const emu = withEmulator();
  it('reports the rendered size and format, also for private files', async () => {
    await uploadImage(emu.current, 'm.jpg', await quadrants(400, 300, 'jpeg'), { isPrivateFile: true });
    const meta = await emu.current.sdk.files.metadata.getFromURL({ url: `${emu.current.urlEndpoint}/tr:w-120,f-png/m.jpg` });
    expect(meta).toMatchObject({ width: 120, height: 90, format: 'png' });
  });
});

it('pixels helper recognises formats', async () => {
  expect(magic(await solid(2, 2, [0, 0, 0], 'jpeg'))).toBe('jpeg');
});
