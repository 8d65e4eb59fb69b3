import { describe, expect, it } from 'vitest';
import { pHashDistance, rankBySimilarity } from './phash';

describe('pHash distance', () => {
  it('counts differing bits and ranks closest first', () => {
    expect(pHashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(pHashDistance('00000000000000f0', '0000000000000000')).toBe(4);
    const ranked = rankBySimilarity('0000000000000000', [
      { name: 'far', pHash: 'ffff000000000000' },
      { name: 'near', pHash: '0000000000000001' },
    ]);
    expect(ranked.map((r) => [r.name, r.distance])).toEqual([['near', 1], ['far', 16]]);
    expect(() => pHashDistance('xyz', '0')).toThrow(/Not a pHash/);
  });
});
