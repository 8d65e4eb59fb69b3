import { describe, expect, it } from 'vitest';
import { readExifGroups } from '../../src/metadata/index.js';

type Entry = [tag: number, type: number, count: number, value: Buffer | number];
const ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, UNDEFINED = 7;

/** Writes a little-endian TIFF/EXIF block: IFDs at fixed offsets, values over 4 bytes in a data area. */
function tiff(ifds: { at: number; next: number; entries: Entry[] }[], dataAt: number): Buffer {
  const buf = Buffer.alloc(512);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifds[0].at, 4);
  let data = dataAt;
  for (const ifd of ifds) {
    buf.writeUInt16LE(ifd.entries.length, ifd.at);
    ifd.entries.forEach(([tag, type, count, value], i) => {
      const p = ifd.at + 2 + i * 12;
      buf.writeUInt16LE(tag, p);
      buf.writeUInt16LE(type, p + 2);
      buf.writeUInt32LE(count, p + 4);
      if (typeof value === 'number') {
        if (type === SHORT) buf.writeUInt16LE(value, p + 8);
        else buf.writeUInt32LE(value, p + 8);
      } else if (value.length <= 4) value.copy(buf, p + 8);
      else {
        value.copy(buf, data);
        buf.writeUInt32LE(data, p + 8);
        data += value.length;
      }
    });
    buf.writeUInt32LE(ifd.next, ifd.at + 2 + ifd.entries.length * 12);
  }
  return buf.subarray(0, data);
}

const rational = (n: number, d: number) => {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(n, 0);
  b.writeUInt32LE(d, 4);
  return b;
};

describe('readExifGroups', () => {
  const block = tiff(
    [
      { at: 8, next: 38, entries: [[0x010f, ASCII, 6, Buffer.from('Canon\0')], [0x8769, LONG, 1, 68]] },
      { at: 38, next: 0, entries: [[0x0201, LONG, 1, 1090], [0x0202, LONG, 1, 1378]] },
      {
        at: 68,
        next: 0,
        entries: [
          [0x829a, RATIONAL, 1, rational(1, 0)],
          [0x8827, SHORT, 1, 400],
          [0x927c, UNDEFINED, 8, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])],
          [0x9286, UNDEFINED, 18, Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from('héllo', 'utf16le')])],
          [0xa005, LONG, 1, 134],
        ],
      },
      { at: 134, next: 0, entries: [[0x0001, ASCII, 4, Buffer.from('R98\0')], [0x0002, UNDEFINED, 4, Buffer.from('0100')]] },
    ],
    164,
  );

  it('maps every IFD to ImageKit’s group and tag names', () => {
    const groups = readExifGroups(block);
    expect(groups.image).toEqual({ Make: 'Canon', ExifOffset: 68 });
    expect(groups.thumbnail).toEqual({ ThumbnailOffset: 1090, ThumbnailLength: 1378 });
    expect(groups.interoperability).toEqual({ InteropIndex: 'R98', InteropVersion: '0100' });
    expect(groups.exif).toMatchObject({ ISO: 400, UserComment: 'héllo', InteropOffset: 134 });
  });

  it('drops what has no faithful JSON form: x/0 rationals, maker-note blobs', () => {
    const { exif, makernote } = readExifGroups(block);
    expect(exif).not.toHaveProperty('ExposureTime');
    expect(exif).not.toHaveProperty('MakerNote');
    expect(makernote).toEqual({});
    expect(JSON.parse(JSON.stringify(exif))).toEqual(exif);
  });

  it('accepts the `Exif\\0\\0` prefix sharp returns', () => {
    expect(readExifGroups(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), block])).image).toEqual({ Make: 'Canon', ExifOffset: 68 });
  });

  it('survives a truncated block', () => {
    expect(() => readExifGroups(block.subarray(0, 60))).not.toThrow();
  });
});
