import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMetadata, readable } from '../../services/editing/embedded-metadata';
import { startEditingHarness, type EditingHarness } from './harness';

let h: EditingHarness;

beforeAll(async () => {
  h = await startEditingHarness();
});
afterAll(async () => {
  await h.close();
});

describe('embedded metadata', () => {
  it('groups the EXIF a camera wrote into readable sections', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Canon', Model: 'EOS 5D', Artist: 'Ada' } })
      .toBuffer();
    const uploaded = await h.client.files.upload({ file: await toFile(jpeg, 'cam.jpg'), fileName: 'cam.jpg', useUniqueFileName: false });
    const groups = await h.data('editing.embeddedMetadata', { fileId: uploaded.fileId! });
    const byName = new Map(groups.map((g) => [g.name, new Map(g.entries.map((e) => [e.key, e.value]))]));
    expect(byName.get('File')?.get('format')).toBe('jpg');
    expect(byName.get('File')?.get('width')).toBe('32');
    const exifImage = byName.get('EXIF: Image');
    expect(exifImage?.get('Make')).toBe('Canon');
    expect(exifImage?.get('Model')).toBe('EOS 5D');
    expect(byName.get('Embedded (all other fields)')?.get('Artist')).toBe('Ada');
  });

  it('splits ImageKit’s flat list into IPTC, XMP and the rest; summarises long values', () => {
    const groups = groupMetadata({}, { Keywords: ['a', 'b'], 'xmp:CreatorTool': 'Lightroom', Orientation: 1, Blob: 'x'.repeat(400) });
    expect(groups.map((g) => g.name)).toEqual(['IPTC', 'XMP', 'Embedded (all other fields)']);
    expect(groups[0]!.entries).toEqual([{ key: 'Keywords', value: 'a, b' }]);
    expect(groups[1]!.entries).toEqual([{ key: 'xmp:CreatorTool', value: 'Lightroom' }]);
    expect(groups[2]!.entries.find((e) => e.key === 'Blob')!.value).toMatch(/… \(400 characters\)$/);
    expect(readable({ a: 1 })).toBe('{"a":1}');
  });
});
