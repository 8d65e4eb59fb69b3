import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileSummary } from '../../../shared/domain/library';
import { NameIndex } from '../../services/library/name-index';

/** More files than the sparse-match bound, so a common substring takes the walk-in-name-order path. */
const TOTAL = 25_000;

function summary(i: number): FileSummary {
  const folder = i % 2 ? '/odd' : '/even';
  const name = `${i % 3 ? 'Photo' : 'photo'}-${String(i).padStart(5, '0')}.jpg`;
  return {
    fileId: `f${i}`, name, filePath: `${folder}/${name}`, url: `http://x${folder}/${name}`, fileType: 'image', mime: 'image/jpeg',
    size: 1, width: 1, height: 1, isPrivateFile: false, tags: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('name search over a large index', () => {
  let dir: string;
  let index: NameIndex;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'name-index-'));
    index = new NameIndex(path.join(dir, 'index.db'));
    const all = Array.from({ length: TOTAL }, (_, i) => summary(TOTAL - 1 - i)); // recorded out of name order
    for (let i = 0; i < all.length; i += 1000) index.record(all.slice(i, i + 1000));
  });
  afterAll(() => {
    index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a substring every name contains with the first names in order, any case, up to the limit', () => {
    const found = index.search('PHOTO', undefined, 50);
    expect(found.items).toHaveLength(50);
    const names = found.items.map((f) => f.name);
    expect(names).toEqual([...names].sort());
    expect(found.indexedFiles).toBe(TOTAL);
    const inFolder = index.search('oto-', '/odd', 10);
    expect(inFolder.items.every((f) => f.filePath.startsWith('/odd/'))).toBe(true);
    expect(inFolder.items).toHaveLength(10);
    expect(inFolder.indexedFiles).toBe(TOTAL / 2);
  });

  it('answers a rare substring from the trigram index, and two characters by a scan', () => {
    const t = performance.now();
    expect(index.search('o-12345.', undefined, 50).items.map((f) => f.name)).toEqual(['photo-12345.jpg']);
    expect(index.search('o-24999', '/even', 50).items).toEqual([]);
    const withNines = Array.from({ length: TOTAL }, (_, i) => summary(i).name).filter((n) => n.includes('99')).sort();
    expect(index.search('99', undefined, 5000).items.map((f) => f.name)).toEqual(withNines);
    expect(index.search('%', undefined, 10).items).toEqual([]);
    console.log(`[name-index] rare and short searches over ${TOTAL} names: ${(performance.now() - t).toFixed(0)} ms`);
  });

  it('counts what was recorded or removed since the last search', () => {
    expect(index.search('photo', undefined, 1).indexedFiles).toBe(TOTAL);
    index.record([{ ...summary(TOTAL), name: 'late.jpg', filePath: '/odd/late.jpg' }]);
    expect(index.search('late', '/odd', 5)).toMatchObject({ indexedFiles: TOTAL / 2 + 1, items: [{ name: 'late.jpg' }] });
    expect(index.count()).toBe(TOTAL + 1);
    index.remove([`f${TOTAL}`]);
    expect(index.count()).toBe(TOTAL);
    expect(index.search('late', '/odd', 5).indexedFiles).toBe(TOTAL / 2);
  });
});
