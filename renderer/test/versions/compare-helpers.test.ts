import { describe, expect, it } from 'vitest';
import type { FileDetails } from '../../../shared/domain/library';
import { describeDiff, diffPixels } from '../../src/features/versions/pixel-diff';
import { diffMetadata } from '../../src/features/versions/metadata-diff';

const rgba = (...pixels: number[][]) => new Uint8ClampedArray(pixels.flat());

describe('pixel difference', () => {
  it('marks pixels that moved beyond the threshold in red and counts them', () => {
    const a = rgba([0, 0, 0, 255], [100, 100, 100, 255], [10, 10, 10, 255], [50, 50, 50, 255]);
    const b = rgba([0, 0, 0, 255], [108, 100, 100, 255], [200, 10, 10, 255], [50, 50, 50, 0]);
    const diff = diffPixels(a, b);
    expect([diff.differing, diff.total, diff.maxDelta]).toEqual([2, 4, 255]);
    expect([...diff.image.slice(8, 12)]).toEqual([255, 0, 0, 255]);
    expect([...diff.image.slice(12, 16)]).toEqual([255, 0, 0, 255]);
    expect(diff.image[4]).toBe(diff.image[5]); // unchanged pixels are grey
    expect(describeDiff(diff)).toBe('50% of pixels differ (2 of 4).');
    expect(describeDiff({ differing: 0, total: 4 })).toBe('The two versions look identical (no pixel differs).');
    expect(() => diffPixels(a, rgba([0, 0, 0, 0]))).toThrow(/differ in size/);
  });
});

describe('metadata difference', () => {
  it('lists only what changed, custom and embedded metadata key by key', () => {
    const base: FileDetails = {
      fileId: 'f', type: 'file', name: 'a.png', filePath: '/a.png', url: 'u', fileType: 'image', size: 10, width: 4, height: 3,
      createdAt: 'c', updatedAt: 'u1', tags: ['x'], customMetadata: { price: 1 }, embeddedMetadata: { Make: 'A' },
    };
    const next: FileDetails = { ...base, size: 12, updatedAt: 'u2', tags: ['x'], customMetadata: { price: 2, size: 'M' }, embeddedMetadata: { Make: 'A' } };
    expect(diffMetadata(base, next)).toEqual([
      { key: 'size', before: '10', after: '12' },
      { key: 'updatedAt', before: 'u1', after: 'u2' },
      { key: 'customMetadata.price', before: '1', after: '2' },
      { key: 'customMetadata.size', before: '—', after: 'M' },
    ]);
  });
});
