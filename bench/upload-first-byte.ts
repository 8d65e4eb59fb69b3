/**
 * Upload start benchmark (not a test): from confirming an upload of N files / ~1 GB (default 500 × 2 MiB, the
 * first 20 of them photos) to the first byte of an upload reaching ImageKit, with the near-duplicate check on
 * and 20 images already in the target folder, so the check has library hashes to fetch and photos to hash.
 * Target ≤ 1 s: hashing and reading run alongside sending, never all before it.
 *  - browser: the real page in Chromium (web host), files picked in the file chooser, Upload clicked;
 *  - desktop path: the uploads area's queue given the folder by path (what the Electron app does).
 * "On the wire" is measured at an HTTP proxy in front of the ImageKit stand-in (the emulator, own process).
 * Run: npx tsx bench/upload-first-byte.ts [--files 500] [--size-mb 2] [--photos 20]
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium.js';
import { UploadOptions } from '../shared/domain/uploads.js';
import { ProfileUploads } from '../electron/services/upload-area/profile-uploads.js';
import { toBatchOptions } from '../electron/services/upload-area/batch-options.js';
import { startUploadRig, type MeteredProxy } from './support/upload-kit.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '500' }, 'size-mb': { type: 'string', default: '2' }, photos: { type: 'string', default: '20' } } });
const FILES = Number(args.files);
const SIZE = Math.round(Number(args['size-mb']) * 1024 * 1024);
const PHOTOS = Math.min(FILES, Number(args.photos));

/** N files in `dir`: photos first (noise JPEGs, as hard to hash as real ones), then binary files; total bytes. */
async function makeSelection(dir: string): Promise<{ paths: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const photo = i < PHOTOS;
    const file = path.join(dir, photo ? `a${String(i).padStart(4, '0')}.jpg` : `b${String(i).padStart(4, '0')}.bin`);
    const content = photo
      ? await sharp({ create: { width: 1400, height: 1000, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 }).toBuffer()
      : Buffer.alloc(SIZE, i % 251);
    if (!photo) content.writeUInt32BE(i, 0);
    await writeFile(file, content);
    paths.push(file);
    bytes += content.length;
  }
  return { paths, bytes };
}

/** Images already in the folder: the check must fetch their hashes before it can pass a photo. */
async function seedFolder(sdk: ImageKit, folder: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: i * 12, g: 255 - i * 12, b: (i * 40) % 255 } } }).png().toBuffer();
    await sdk.files.upload({ file: await toFile(png, `seed-${i}.png`), fileName: `seed-${i}.png`, folder, useUniqueFileName: false });
  }
}

async function firstByteAfter(proxy: MeteredProxy, t0: number, timeoutMs = 120_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const at = proxy.firstUploadByteAt();
    if (at !== null) return at - t0;
    if (performance.now() > deadline) throw new Error('no upload byte reached the proxy');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-first-byte-'));
  const rig = await startUploadRig();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const figures: BenchFigure[] = [];
  try {
    const { paths, bytes } = await makeSelection(path.join(work, 'selection'));
    const gb = (bytes / 1024 ** 3).toFixed(2);
    console.log(`selection: ${FILES} files, ${gb} GiB (${PHOTOS} photos first), near-duplicate check on, 20 images already in each target folder`);
    const direct = new ImageKit({ privateKey: rig.emulator.privateKey, baseURL: rig.emulator.apiUrl, maxRetries: 2 });
    await seedFolder(direct, '/first-byte/browser');
    // A folder handed over by path keeps its name: its files land in <target>/selection.
    await seedFolder(direct, '/first-byte/desktop/selection');

    // Browser: the page picks the files and the person presses Upload.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(rig.host.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    const region = page.getByRole('region', { name: 'Uploads' });
    const chooser = page.waitForEvent('filechooser');
    await region.getByRole('button', { name: 'Upload', exact: true }).click();
    await (await chooser).setFiles(paths);
    const dialog = page.getByRole('dialog', { name: /^Upload/ });
    await dialog.getByLabel('Folder', { exact: true }).fill('/first-byte/browser');
    await dialog.getByRole('checkbox', { name: 'Check images for look-alikes in the folder first' }).check();
    rig.proxy.reset();
    const t0 = performance.now();
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const closed = performance.now() - t0;
    const browserFirst = await firstByteAfter(rig.proxy, t0);
    await rig.client.call('uploads.cancel', {});
    console.log(`browser page: Upload → dialog closed ${closed.toFixed(0)} ms; → first upload byte at ImageKit ${browserFirst.toFixed(0)} ms (target ≤ 1000 ms)`);

    // Desktop path: the same files handed over by path, as the Electron app does.
    const uploads = new ProfileUploads('bench', path.join(work, 'profile'), async () => new ImageKit({ privateKey: rig.emulator.privateKey, baseURL: rig.proxy.origin, maxRetries: 0 }), {
      item: () => undefined,
      progress: () => undefined,
      total: () => undefined,
      batchDone: () => undefined,
      log: (m, e) => console.error(m, e ?? ''),
    });
    rig.proxy.reset();
    const t1 = performance.now();
    await uploads.add({ sources: [{ kind: 'path', path: path.dirname(paths[0]!) }], targetFolder: '/first-byte/desktop', options: toBatchOptions(UploadOptions.parse({ nearDuplicateCheck: true })) });
    const queued = performance.now() - t1;
    const desktopFirst = await firstByteAfter(rig.proxy, t1);
    (await uploads.current()).cancelAll();
    await uploads.close();
    console.log(`desktop path: add → queued ${queued.toFixed(0)} ms; → first upload byte at ImageKit ${desktopFirst.toFixed(0)} ms (target ≤ 1000 ms)`);

    const what = `${FILES} files / ${gb} GiB, near-duplicate check on`;
    figures.push(
      { name: `confirm → first byte on the wire, browser page, ${what}`, value: round(browserFirst, 0), unit: 'ms', target: '≤ 1000 ms', met: browserFirst <= 1000 },
      { name: `confirm → first byte on the wire, desktop path, ${what}`, value: round(desktopFirst, 0), unit: 'ms', target: '≤ 1000 ms', met: desktopFirst <= 1000 },
      { name: 'confirm → Upload dialog closed (batch queued), browser page', value: round(closed, 0), unit: 'ms' },
    );
  } finally {
    await browser.close();
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
  printBenchSummary({ suite: 'upload-first-byte', figures });
}

await main();
