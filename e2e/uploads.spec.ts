import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk, type LocalLibrarySdk } from './support/library-seed';
import { dropFiles, dropLinks, pasteFile, startWebHostWithFaults } from './support/uploads-helpers';

const ui = (page: Page) => {
  const region = page.getByRole('region', { name: 'Uploads' });
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  return {
    region,
    dialog,
    row: (name: string) => region.getByRole('listitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`) }),
    notices: page.getByRole('status', { name: 'Upload notifications' }),
    async setFolder(folder: string) {
      await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    },
    async upload() {
      await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
      await expect(dialog).toBeHidden();
    },
  };
};

async function filesIn(lib: LocalLibrarySdk): Promise<Map<string, { fileId: string; url: string; size: number }>> {
  const list = (await lib.sdk.assets.list({ type: 'file', limit: 1000 })) as Array<{ filePath: string; fileId: string; url: string; size: number }>;
  return new Map(list.map((f) => [f.filePath, f]));
}

/** Records, every frame from now on, any two rows of the upload list that overlap (window.rowOverlaps). */
async function watchRowOverlaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { rowOverlaps: string[] }).rowOverlaps = seen;
    const frame = () => {
      const rows = [...document.querySelectorAll<HTMLElement>('[aria-label="Upload queue"] > li')]
        .map((li) => ({ name: li.getAttribute('aria-label'), box: li.getBoundingClientRect() }))
        .sort((a, b) => a.box.top - b.box.top);
      for (let i = 1; i < rows.length; i++) {
        if (rows[i]!.box.top < rows[i - 1]!.box.bottom - 0.5) seen.push(`${rows[i]!.name} over ${rows[i - 1]!.name}`);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function bytesOf(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

test('drop three files and pick a nested folder: every file lands at its path with its bytes', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const u = ui(page);
  const dropped = [
    { name: 'one.txt', content: Buffer.from('first file') },
    { name: 'two.bin', content: Buffer.alloc(3 * 1024 * 1024 + 17, 7) }, // several staging chunks
    { name: 'Ünïcode név.txt', content: Buffer.from('unicode name') },
  ];
  // Each batch announces its outcome in a toast. Which batch ends last is not fixed (the first holds a 3 MB
  // file, the second two tiny ones) and both can end within one render, so every status the page shows
  // (each toast is one, and the "Upload notifications" record repeats the latest) is recorded as it appears.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { announced: Set<string> }).announced = seen;
    const read = () => {
      for (const status of document.querySelectorAll('[role="status"]')) {
        for (const match of (status.textContent ?? '').matchAll(/Upload finished: [^.]*\./g)) seen.add(match[0]);
      }
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const announced = () => page.evaluate(() => [...(window as unknown as { announced: Set<string> }).announced].sort());
  await dropFiles(page, dropped);
  await expect(u.dialog).toHaveAccessibleName(/Upload 3 files/);
  await u.setFolder('/dropped');
  await u.upload();

  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-folder-'));
  mkdirSync(path.join(dir, 'album', 'deep'), { recursive: true });
  writeFileSync(path.join(dir, 'album', 'top.txt'), 'top');
  writeFileSync(path.join(dir, 'album', 'deep', 'inner.txt'), 'inner');
  const chooser = page.waitForEvent('filechooser');
  await u.region.getByRole('button', { name: 'Upload folder' }).click();
  await (await chooser).setFiles(path.join(dir, 'album'));
  await u.setFolder('/dropped');
  await u.upload();

  for (const name of ['one.txt', 'two.bin', 'Ünïcode_név.txt', 'top.txt', 'inner.txt']) {
    await expect(u.row(name)).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
  }
  await expect.poll(announced).toEqual(['Upload finished: 2 uploaded.', 'Upload finished: 3 uploaded.']);
  const files = await filesIn(localLibrarySdk(webHost));
  const expected: Record<string, Buffer> = {
    '/dropped/one.txt': dropped[0]!.content,
    '/dropped/two.bin': dropped[1]!.content,
    '/dropped/Ünïcode_név.txt': dropped[2]!.content,
    '/dropped/album/top.txt': Buffer.from('top'),
    '/dropped/album/deep/inner.txt': Buffer.from('inner'),
  };
  for (const [filePath, content] of Object.entries(expected)) {
    const file = files.get(filePath);
    expect(file, filePath).toBeDefined();
    expect((await bytesOf(file!.url)).equals(content), filePath).toBe(true);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('pause and resume one file, cancel another', async ({ page }) => {
  // Every request of the embedded library waits 1 s and files go one at a time, so p3 and p4 are still waiting
  // their turn for a few seconds after the batch is queued: long enough to press their buttons on a busy machine.
  const host = await startWebHostWithFaults('delay:1000:1');
  try {
    const app = new AppPage(page);
    await app.open(host.url);
    const u = ui(page);
    await u.region.getByRole('button', { name: 'Show list' }).click(); // the queue's controls are in the open drawer
    const concurrency = u.region.getByLabel('At once');
    await concurrency.fill('1');
    await concurrency.blur();
    await dropFiles(page, ['p1.txt', 'p2.txt', 'p3.txt', 'p4.txt'].map((name) => ({ name, content: Buffer.from(`content of ${name}`) })));
    await u.setFolder('/paused');
    await watchRowOverlaps(page);
    await u.upload();
    await u.region.getByRole('button', { name: 'Pause p3.txt' }).click();
    await u.region.getByRole('button', { name: 'Cancel p4.txt' }).click();
    await expect(u.row('p3.txt')).toHaveAccessibleName(/Paused/);
    await expect(u.row('p4.txt')).toHaveAccessibleName(/Cancelled/);
    await expect(u.row('p2.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
    await expect(u.row('p3.txt')).toHaveAccessibleName(/Paused/);
    await u.region.getByRole('button', { name: 'Resume p3.txt' }).click();
    await expect(u.row('p3.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
    const files = await filesIn(localLibrarySdk(host));
    expect([...files.keys()].filter((p) => p.startsWith('/paused/')).sort()).toEqual(['/paused/p1.txt', '/paused/p2.txt', '/paused/p3.txt']);
    // Rows grew and shrank (a progress bar comes and goes) and moved (finished files go last) all along:
    // at no frame did one row lie over another, where a click meant for one would land on the other.
    expect(await page.evaluate(() => (window as unknown as { rowOverlaps: string[] }).rowOverlaps)).toEqual([]);
  } finally {
    await host.stop();
  }
});

test('tags, custom metadata and the private flag reach the library; bad metadata is refused before sending', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await lib.sdk.customMetadataFields.create({ name: 'shoot', label: 'Shoot', schema: { type: 'Text', maxLength: 12 } });
  await lib.sdk.customMetadataFields.create({ name: 'rating', label: 'Rating', schema: { type: 'Number', minValue: 1, maxValue: 5 } });
  const app = new AppPage(page);
  await app.open(webHost.url);
  const u = ui(page);
  await dropFiles(page, [{ name: 'meta.txt', content: Buffer.from('with metadata') }]);
  await u.setFolder('/meta');
  await u.dialog.getByLabel('Tags', { exact: true }).fill('summer, beach');
  await u.dialog.getByLabel('Private files').check();
  await u.dialog.getByLabel('Shoot').fill('far too long a value');
  await u.dialog.getByLabel('Rating').fill('4');
  await expect(u.dialog.getByText('Shoot should have at most 12 characters')).toBeVisible();
  await u.dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(u.dialog.getByRole('alert')).toContainText('Custom metadata: Shoot should have at most 12 characters');
  await u.dialog.getByLabel('Shoot').fill('spring');
  await u.upload();
  await expect(u.row('meta.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });

  const file = (await filesIn(lib)).get('/meta/meta.txt')!;
  const details = await lib.sdk.files.get(file.fileId);
  expect(details.tags).toEqual(['summer', 'beach']);
  expect(details.isPrivateFile).toBe(true);
  expect(details.customMetadata).toEqual({ shoot: 'spring', rating: 4 });
});

test('remote URLs: from the dialog, from a web-page drag, and a pasted image', async ({ page, webHost }) => {
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 10, g: 200, b: 90 } } }).png().toBuffer();
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const app = new AppPage(page);
    await app.open(webHost.url);
    const u = ui(page);
    await u.region.getByRole('button', { name: 'Upload from URLs…' }).click();
    const urls = page.getByRole('dialog', { name: 'Upload from URLs' });
    await urls.getByLabel('Links (one per line)').fill(`${base}/a/remote-one.png\nnot a link`);
    await urls.getByRole('button', { name: 'Next' }).click();
    await expect(urls.getByRole('alert')).toContainText('Not a web address: not');
    await urls.getByLabel('Links (one per line)').fill(`${base}/a/remote-one.png\n${base}/b/remote-two.png`);
    await urls.getByRole('button', { name: 'Next' }).click();
    await expect(u.dialog).toHaveAccessibleName('Upload 2 links');
    await u.setFolder('/remote');
    await u.upload();
    await expect(u.row('remote-one.png')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
    await expect(u.row('remote-two.png')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });

    await dropLinks(page, [`${base}/c/dragged.png`]);
    await expect(urls.getByLabel('Links (one per line)')).toHaveValue(`${base}/c/dragged.png`);
    await urls.getByRole('button', { name: 'Next' }).click();
    await u.setFolder('/remote');
    await u.upload();
    await expect(u.row('dragged.png')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });

    await pasteFile(page, { name: 'image.png', content: png, type: 'image/png' });
    await expect(u.dialog).toHaveAccessibleName(/Upload 1 file/);
    await u.setFolder('/pasted');
    await u.upload();
    await expect(u.region.getByRole('listitem', { name: /^pasted-.*\.png: Uploaded/ })).toBeVisible({ timeout: 20_000 });

    const files = await filesIn(localLibrarySdk(webHost));
    for (const p of ['/remote/remote-one.png', '/remote/remote-two.png', '/remote/dragged.png']) {
      expect((await bytesOf(files.get(p)!.url)).equals(png), p).toBe(true);
    }
    expect([...files.keys()].some((p) => /^\/pasted\/pasted-.*\.png$/.test(p))).toBe(true);
  } finally {
    server.close();
  }
});

test('conflicts: replace, keep both and skip, per file and for all', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  for (const name of ['r.txt', 'k.txt', 's1.txt', 's2.txt']) {
    await lib.sdk.files.upload({ file: await toFile(Buffer.from(`old ${name}`), name), fileName: name, folder: '/conf', useUniqueFileName: false });
  }
  const app = new AppPage(page);
  await app.open(webHost.url);
  const u = ui(page);
  await dropFiles(page, ['r.txt', 'k.txt', 's1.txt', 's2.txt', 'new.txt'].map((name) => ({ name, content: Buffer.from(`new ${name}`) })));
  await u.setFolder('/conf');
  await expect(u.dialog.getByLabel('When a file already exists')).toHaveValue('ask');
  await u.upload();
  await expect(u.row('new.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
  await expect(u.region.getByRole('group', { name: 'Every file that already exists' })).toContainText('4 files already exist');
  await u.region.getByRole('button', { name: 'Replace r.txt' }).click();
  await u.region.getByRole('button', { name: 'Keep both k.txt' }).click();
  await expect(u.row('r.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
  await expect(u.row('k.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
  await u.region.getByRole('button', { name: 'Skip all' }).click();
  await expect(u.row('s1.txt')).toHaveAccessibleName(/Skipped/);
  await expect(u.row('s2.txt')).toHaveAccessibleName(/Skipped/);
  await expect(u.notices).toContainText('Upload finished: 3 uploaded, 2 skipped');

  const files = await filesIn(lib);
  const text = async (p: string) => (await bytesOf(files.get(p)!.url)).toString();
  expect(await text('/conf/r.txt')).toBe('new r.txt');
  expect(await text('/conf/k.txt')).toBe('old k.txt');
  expect(await text('/conf/k-1.txt')).toBe('new k.txt');
  expect(await text('/conf/s1.txt')).toBe('old s1.txt');
  expect(await text('/conf/new.txt')).toBe('new new.txt');
});

test('an oversized file and a zero-byte file each end with a clear outcome', async ({ page, webHost }) => {
  // 100 MB pass through the window's chunked staging and then to the library: slow on a busy 2-core machine.
  test.slow();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-big-'));
  const big = path.join(dir, 'huge.bin');
  writeFileSync(big, Buffer.alloc(100 * 1024 * 1024 + 1024, 1)); // just over the Local library's 100 MB limit
  writeFileSync(path.join(dir, 'empty.txt'), '');
  try {
    const app = new AppPage(page);
    await app.open(webHost.url);
    const u = ui(page);
    const chooser = page.waitForEvent('filechooser');
    await u.region.getByRole('button', { name: 'Upload', exact: true }).click();
    await (await chooser).setFiles([big, path.join(dir, 'empty.txt')]);
    await u.setFolder('/limits');
    await u.dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(u.dialog).toBeHidden({ timeout: 60_000 });
    const hugeRow = u.row('huge.bin');
    await expect(hugeRow).toHaveAccessibleName(/Failed/, { timeout: 60_000 });
    await expect(hugeRow.getByRole('alert')).toContainText('The file size exceeds limits');
    await expect(hugeRow.getByRole('alert')).toContainText('larger than your plan allows');
    await expect(u.row('empty.txt')).toHaveAccessibleName(/Uploaded/, { timeout: 20_000 });
    expect((await filesIn(localLibrarySdk(webHost))).get('/limits/empty.txt')?.size).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
