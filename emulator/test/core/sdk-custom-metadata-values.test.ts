import { beforeAll, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { pngBytes } from '../helpers/fixtures.js';

const spec = specValidation();
const emu = withEmulator({ fetch: spec.fetch });

beforeAll(async () => {
  const { sdk } = emu.current;
  await sdk.customMetadataFields.create({ name: 'brand', label: 'Brand', schema: { type: 'Text', maxLength: 10 } });
  await sdk.customMetadataFields.create({ name: 'price', label: 'Price', schema: { type: 'Number', minValue: 0, maxValue: 1000 } });
  await sdk.customMetadataFields.create({ name: 'stage', label: 'Stage', schema: { type: 'SingleSelect', selectOptions: ['draft', 'final'], defaultValue: 'draft' } });
});

describe('custom metadata values on upload and update', () => {
  it('validates on upload, applies defaults, merges and unsets on update', async () => {
    const { sdk } = emu.current;
    const png = await pngBytes(4, 4);
    const up = await sdk.files.upload({
      file: await toFile(png, 'm.png'), fileName: 'm.png', customMetadata: { brand: 'Nike', price: 10 }, responseFields: ['customMetadata'],
    });
    expect(up.customMetadata).toEqual({ stage: 'draft', brand: 'Nike', price: 10 });

    const updated = await sdk.files.update(up.fileId!, { customMetadata: { price: 99, brand: null } });
    expect(updated.customMetadata).toEqual({ stage: 'draft', price: 99 });
    expect((await sdk.files.get(up.fileId!)).customMetadata).toEqual({ stage: 'draft', price: 99 });
    const found = await sdk.assets.list({ searchQuery: '"customMetadata.price" > 50' });
    expect(found.map((f) => (f as { fileId: string }).fileId)).toEqual([up.fileId]);
  });

  it('keeps or resets custom metadata on overwrite per overwriteCustomMetadata', async () => {
    const { sdk } = emu.current;
    const png = await pngBytes(4, 4);
    const opts = { fileName: 'ow.png', useUniqueFileName: false, responseFields: ['customMetadata' as const] };
    const first = await sdk.files.upload({ ...opts, file: await toFile(png, 'a.png'), customMetadata: { brand: 'Keep', price: 1 } });
    const kept = await sdk.files.upload({ ...opts, file: await toFile(png, 'a.png'), overwriteCustomMetadata: false });
    expect(kept).toMatchObject({ fileId: first.fileId, versionInfo: { name: 'Version 2' }, customMetadata: { stage: 'draft', brand: 'Keep', price: 1 } });
    const replaced = await sdk.files.upload({ ...opts, file: await toFile(png, 'a.png'), customMetadata: { price: 2 } });
    expect(replaced.customMetadata).toEqual({ stage: 'draft', price: 2 });
    const reset = await sdk.files.upload({ ...opts, file: await toFile(png, 'a.png') });
    expect(reset.customMetadata).toEqual({ stage: 'draft' });
  });

  it('refuses invalid values with the errors map and changes nothing', async () => {
    const { sdk } = emu.current;
    const png = await pngBytes(4, 4);
    await expect(
      sdk.files.upload({ file: await toFile(png, 'bad.png'), fileName: 'bad.png', customMetadata: { price: 5000, nope: 1 } }),
    ).rejects.toMatchObject({
      status: 400, error: { message: 'Invalid custom metadata.', errors: { price: expect.any(String), nope: expect.any(String) } },
    });
    expect(await sdk.assets.list({ searchQuery: 'name : "bad"' })).toEqual([]);
    const up = await sdk.files.upload({ file: await toFile(png, 'ok.png'), fileName: 'ok.png', customMetadata: { brand: 'Acme' } });
    await expect(sdk.files.update(up.fileId!, { customMetadata: { stage: 'published' } })).rejects.toMatchObject({
      status: 400, error: { message: 'Invalid custom metadata.', errors: { stage: expect.any(String) } },
    });
    expect((await sdk.files.get(up.fileId!)).customMetadata).toEqual({ stage: 'draft', brand: 'Acme' });
  });
});

spec.itConformsToSpec(10);
