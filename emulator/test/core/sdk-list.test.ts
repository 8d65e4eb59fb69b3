import { beforeAll, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { pngBytes } from '../helpers/fixtures.js';

const spec = specValidation();
const emu = withEmulator({ fetch: spec.fetch });

type Item = { type: string; name: string; width?: number; size?: number; tags?: string[] | null; folderPath?: string };
const names = (items: unknown[]) => (items as Item[]).map((i) => i.name);

beforeAll(async () => {
  const { sdk } = emu.current;
  // Created in this order: c (widest), a, b, then a text file and a nested image.
  const specs = [
    { name: 'c.png', folder: '/lib', width: 30, tags: ['red'] },
    { name: 'a.png', folder: '/lib', width: 10, tags: ['blue', 'sale'] },
    { name: 'b.png', folder: '/lib', width: 20, tags: ['red', 'sale'] },
  ];
  for (const s of specs) {
    const png = await pngBytes(s.width, 5);
    await sdk.files.upload({ file: await toFile(png, s.name), fileName: s.name, folder: s.folder, tags: s.tags, useUniqueFileName: false });
  }
  await sdk.files.upload({ file: await toFile(Buffer.from('x'.repeat(500)), 'doc.txt'), fileName: 'doc.txt', folder: '/lib', useUniqueFileName: false });
  await sdk.files.upload({ file: await toFile(await pngBytes(5, 5), 'n.png'), fileName: 'nested.png', folder: '/lib/inner', useUniqueFileName: false });
});

describe('list & search through the official SDK', () => {
  it('lists one folder level, files in creation order by default', async () => {
    const { sdk } = emu.current;
    expect(names(await sdk.assets.list({ path: '/lib' }))).toEqual(['c.png', 'a.png', 'b.png', 'doc.txt']);
    expect(names(await sdk.assets.list({ path: '/lib/', type: 'folder' }))).toEqual(['inner']);
    expect(names(await sdk.assets.list({ path: '/lib', type: 'all' }))).toEqual(['c.png', 'a.png', 'b.png', 'doc.txt', 'inner']);
    expect(names(await sdk.assets.list({}))).toEqual(['c.png', 'a.png', 'b.png', 'doc.txt', 'nested.png']);
  });

  it('sorts by every key, both directions', async () => {
    const { sdk } = emu.current;
    const list = (sort: string) => sdk.assets.list({ path: '/lib', fileType: 'image', sort: sort as 'ASC_NAME' }).then(names);
    expect(await list('ASC_NAME')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(await list('DESC_NAME')).toEqual(['c.png', 'b.png', 'a.png']);
    expect(await list('ASC_WIDTH')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(await list('DESC_WIDTH')).toEqual(['c.png', 'b.png', 'a.png']);
    expect(await list('ASC_HEIGHT')).toEqual(['c.png', 'a.png', 'b.png']);
    expect(await list('DESC_CREATED')).toEqual(['b.png', 'a.png', 'c.png']);
    expect(await list('ASC_CREATED')).toEqual(['c.png', 'a.png', 'b.png']);
    expect(await list('ASC_UPDATED')).toEqual(['c.png', 'a.png', 'b.png']);
    expect(await list('DESC_UPDATED')).toEqual(['b.png', 'a.png', 'c.png']);
    const bySize = (await sdk.assets.list({ path: '/lib', sort: 'DESC_SIZE' })) as Item[];
    expect(bySize.map((i) => i.size)).toEqual([...bySize.map((i) => i.size!)].sort((x, y) => y - x));
    expect(bySize[0].name).toBe('doc.txt');
    expect(names(await sdk.assets.list({ path: '/lib', sort: 'ASC_SIZE' })).at(-1)).toBe('doc.txt');
    expect(await list('ASC_RELEVANCE')).toEqual(['c.png', 'a.png', 'b.png']);
  });

  it('filters by fileType, pages with limit/skip, and honours legacy tags/name', async () => {
    const { sdk } = emu.current;
    expect(names(await sdk.assets.list({ path: '/lib', fileType: 'non-image' }))).toEqual(['doc.txt']);
    expect(names(await sdk.assets.list({ path: '/lib', limit: 2 }))).toEqual(['c.png', 'a.png']);
    expect(names(await sdk.assets.list({ path: '/lib', limit: 2, skip: 2 }))).toEqual(['b.png', 'doc.txt']);
    expect(names(await sdk.assets.list({ path: '/lib', sort: 'ASC_NAME', limit: 1, skip: 1 }))).toEqual(['b.png']);
    const legacy = (query: Record<string, string>) =>
      sdk.assets.list(undefined, { query }).then(names);
    expect(await legacy({ tags: 'blue,red' })).toEqual(['c.png', 'a.png', 'b.png']);
    expect(await legacy({ tags: 'sale', name: 'b.png' })).toEqual(['b.png']);
  });

  it('answers searchQuery with files and folders, combined with path and fileType', async () => {
    const { sdk } = emu.current;
    expect(names(await sdk.assets.list({ searchQuery: 'tags IN ["sale"] AND width > 15' }))).toEqual(['b.png']);
    expect(names(await sdk.assets.list({ searchQuery: 'name : "a"' }))).toEqual(['a.png']);
    expect(names(await sdk.assets.list({ searchQuery: 'format = "png" AND size < "1kb"', path: '/lib/inner' }))).toEqual(['nested.png']);
    expect(names(await sdk.assets.list({ searchQuery: 'type = "folder"' }))).toEqual(['lib', 'inner']);
    expect(names(await sdk.assets.list({ searchQuery: 'createdAt > "1h"', fileType: 'non-image' }))).toEqual(['doc.txt']);
    // searchQuery wins over the legacy/type params.
    expect(names(await sdk.assets.list({ searchQuery: 'name = "c.png"', type: 'folder' }))).toEqual(['c.png']);
    await expect(sdk.assets.list({ searchQuery: 'name = ' })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringMatching(/search query/i) },
    });
  });

  it('pages type=all consistently when folders and files interleave in time', async () => {
    const { sdk } = emu.current;
    for (let i = 0; i < 4; i++) {
      await sdk.folders.create({ folderName: `mix-${i}`, parentFolderPath: '/mix' });
      await sdk.files.upload({ file: await toFile(Buffer.from(`m${i}`), 'm.txt'), fileName: `m${i}.txt`, folder: '/mix', useUniqueFileName: false });
    }
    const full = names(await sdk.assets.list({ path: '/mix', type: 'all' }));
    expect(full).toEqual(['mix-0', 'm0.txt', 'mix-1', 'm1.txt', 'mix-2', 'm2.txt', 'mix-3', 'm3.txt']);
    for (const [skip, limit] of [[0, 1], [1, 2], [2, 3], [3, 5], [5, 1], [7, 4]]) {
      expect(names(await sdk.assets.list({ path: '/mix', type: 'all', skip, limit })), `${skip}/${limit}`).toEqual(full.slice(skip, skip + limit));
    }
    const search = names(await sdk.assets.list({ searchQuery: 'name : "m"', path: '/mix' }));
    expect(search).toEqual(full);
    expect(names(await sdk.assets.list({ searchQuery: 'name : "m"', path: '/mix', skip: 3, limit: 3 }))).toEqual(full.slice(3, 6));
  });

  it('rejects bad list parameters with specific 400s', async () => {
    const { sdk } = emu.current;
    await expect(sdk.assets.list({ limit: 0 })).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining('limit') } });
    await expect(sdk.assets.list({ limit: 1001 })).rejects.toMatchObject({ status: 400 });
    await expect(sdk.assets.list({ sort: 'SIDEWAYS' as 'ASC_NAME' })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringContaining('sort') },
    });
    await expect(sdk.assets.list({ path: '/a/../b' })).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining("'..'") } });
    await expect(sdk.assets.list({ skip: -1 })).rejects.toMatchObject({ status: 400 });
  });
});

spec.itConformsToSpec(10);
