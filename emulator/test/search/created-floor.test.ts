import { describe, expect, it } from 'vitest';
import { createdAtFloor, firstFrom, sortedByCreation } from '../../src/search/created-floor.js';
import { parseSearchQuery } from '../../src/search/index.js';

const now = new Date('2026-06-01T00:00:00.000Z');
const floor = (q: string) => createdAtFloor(parseSearchQuery(q), now);
const at = (...isos: string[]) => isos.map((createdAt) => ({ record: { createdAt } }));

describe('where a created-after search may start', () => {
  it('takes the latest top-level createdAt > / >= bound, and none under OR or NOT', () => {
    expect(floor('createdAt > "2026-01-01T00:00:00.000Z"')).toEqual({ iso: '2026-01-01T00:00:00.000Z', inclusive: false });
    expect(floor('createdAt >= "2026-01-01T00:00:00.000Z" AND size < "1mb"')).toEqual({ iso: '2026-01-01T00:00:00.000Z', inclusive: true });
    expect(floor('createdAt > "30d" AND createdAt >= "2020-01-01T00:00:00.000Z"')).toEqual({ iso: '2026-05-02T00:00:00.000Z', inclusive: false });
    expect(floor('createdAt > "2026-01-01T00:00:00.000Z" OR size < "1mb"')).toBeUndefined();
    expect(floor('createdAt < "2026-01-01T00:00:00.000Z"')).toBeUndefined();
    expect(floor('updatedAt > "2026-01-01T00:00:00.000Z"')).toBeUndefined();
  });

  it('binary-searches only arrays in canonical, non-decreasing createdAt order', () => {
    const sorted = at('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
    expect(sortedByCreation(sorted)).toBe(true);
    expect(firstFrom(sorted, { iso: '2026-01-02T00:00:00.000Z', inclusive: false })).toBe(3);
    expect(firstFrom(sorted, { iso: '2026-01-02T00:00:00.000Z', inclusive: true })).toBe(1);
    expect(firstFrom(sorted, { iso: '2027-01-01T00:00:00.000Z', inclusive: true })).toBe(4);
    expect(sortedByCreation(at('2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z'))).toBe(false);
    expect(sortedByCreation(at('2026-01-01T00:00:00Z', '2026-01-02T00:00:00.000Z'))).toBe(false);
  });
});
