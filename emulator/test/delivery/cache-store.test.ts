import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { purgeMatcher, RenderCache } from '../../src/delivery/cache.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function cacheDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-cache-'));
  dirs.push(dir);
  return dir;
}

const entry = (url: string, fileKey = url.split('?')[0]) => ({ key: url, url, fileKey, mime: 'image/png', etag: '"x"', vary: false, isPrivate: false });

it('survives a restart: a new RenderCache on the same directory serves what the old one stored', async () => {
  const dir = await cacheDir();
  const first = new RenderCache(dir);
  await first.open();
  await first.write(entry('tr:w-10/a.png'), Buffer.from('render-1'));
  const second = new RenderCache(dir);
  await second.open();
  expect((await second.read('tr:w-10/a.png'))?.data.toString()).toBe('render-1');
});

it('evicts the oldest entries beyond its byte budget', async () => {
  const cache = new RenderCache(await cacheDir(), 100);
  await cache.open();
  for (let i = 0; i < 5; i += 1) {
    await cache.write(entry(`f${i}.png`), Buffer.alloc(30, i));
    await new Promise((r) => setTimeout(r, 2));
  }
  expect(cache.bytes).toBeLessThanOrEqual(100);
  expect(await cache.read('f0.png')).toBeUndefined();
  expect((await cache.read('f4.png'))?.data.length).toBe(30);
});

it('purge rules: exact URL, bare file URL drops its variants, trailing * is a prefix', async () => {
  const dir = await cacheDir();
  const cache = new RenderCache(dir);
  await cache.open();
  for (const u of ['a.png', 'a.png?tr=w-10', 'tr:w-20/a.png', 'b/c.png?updatedAt=1', 'b/d.png']) await cache.write(entry(u, u.replace(/^tr:[^/]+\//, '').split('?')[0]), Buffer.from(u));
  expect(await cache.purge(purgeMatcher('tr:w-20/a.png'))).toBe(1);
  expect(await cache.purge(purgeMatcher('a.png'))).toBe(2);
  expect(await cache.purge(purgeMatcher('b/*'))).toBe(2);
  expect(cache.size).toBe(0);
  expect((await readdir(dir)).length).toBe(0);
});
