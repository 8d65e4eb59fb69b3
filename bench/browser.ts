/**
 * Library browser benchmark (not a test). In Chromium, through the web host, against a
 * Local library holding a folder of 100,000 files (and one of 1,000 for comparison), it prints:
 *  - time from opening the folder in the tree to the first painted grid (target ≤ 1 s);
 *  - a scripted scroll from top to bottom (every page fetched on the way): frame-time p95 (target ≤ 25 ms);
 *  - the renderer's JS heap after the scroll, all 100,000 rows loaded (target ≤ 250 MB);
 *  - the DOM node count at top and bottom of both folders (bounded: independent of folder size).
 * The library is seeded through the emulator's storage layer (100,000 uploads would take the whole
 * budget), then the web host starts on that data dir as `npm start -- --web` would.
 * Run: npx tsx bench/browser.ts [--files 100000] [--step 1600] [--no-thumbnails]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium';
import { Library } from '../emulator/src/store/library.js';
import type { FileRecord } from '../emulator/src/model/file-record.js';
import { newObjectId } from '../emulator/src/model/ids.js';
import { startScript } from '../e2e/support/processes.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({
  options: { files: { type: 'string', default: '100000' }, step: { type: 'string', default: '1600' }, 'no-thumbnails': { type: 'boolean', default: false } },
});
const FILES = Number(args.files);
const STEP = Number(args.step);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function seed(dataDir: string): Promise<void> {
  const lib = await Library.open(dataDir);
  const blobs: { hash: string; width: number; height: number; size: number }[] = [];
  for (let i = 0; i < 24; i++) {
    const width = 160 + i * 20;
    const height = 120 + i * 10;
    const data = await sharp({ create: { width, height, channels: 3, background: { r: i * 10, g: 120, b: 220 - i * 8 } } }).png().toBuffer();
    const staged = await lib.blobs.stageBuffer(data);
    await lib.blobs.commit(staged);
    lib.blobs.release(staged.hash);
    blobs.push({ hash: staged.hash, width, height, size: data.length });
  }
  const at = new Date(Date.now() - 86_400_000).toISOString();
  lib.apply({
    putFolders: ['big', 'small'].map((name) => ({ folderId: newObjectId(), name, folderPath: `/${name}/`, customMetadata: {}, createdAt: at, updatedAt: at })),
  });
  const put = (folder: string, count: number) => {
    for (let base = 0; base < count; base += 10_000) {
      const records: FileRecord[] = [];
      const seqFor: Record<string, number> = {};
      for (let i = base; i < Math.min(count, base + 10_000); i++) {
        const blob = blobs[i % blobs.length]!;
        const fileId = newObjectId();
        const name = `photo-${String(i).padStart(6, '0')}.png`;
        const created = new Date(Date.parse(at) + i * 1000).toISOString();
        records.push({
          fileId, versionId: fileId, versionNumber: 1, isCurrent: true, name, filePath: `/${folder}/${name}`, folderPath: `/${folder}/`,
          tags: i % 3 ? ['sale'] : null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null,
          fileType: 'image', mime: 'image/png', format: 'png', width: blob.width, height: blob.height, size: blob.size, hasAlpha: false,
          duration: null, customMetadata: {}, embeddedMetadata: {}, description: null, blobHash: blob.hash, createdBy: null, createdAt: created, updatedAt: created,
        });
        seqFor[fileId] = lib.newFileSeq();
      }
      lib.apply({ putVersions: records }, seqFor);
    }
  };
  put('big', FILES);
  put('small', 1000);
  lib.close();
}

/** Clicks the folder in the tree and resolves when the grid's first tiles have been painted. */
async function openFolder(page: Page, name: string): Promise<number> {
  const item = page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true });
  await item.waitFor();
  const box = (await item.boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __painted: Promise<number>; __clickAt: number };
    w.__painted = new Promise<number>((resolve) => {
      const check = () => {
        const grid = document.querySelector('[role="grid"][aria-label="Files"]');
        if (grid && grid.querySelector('[role="gridcell"] img, [role="gridcell"] .thumb')) {
          // Two frames: the one that lays the grid out, and the one that paints it.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - w.__clickAt)));
        } else requestAnimationFrame(check);
      };
      document.addEventListener('mousedown', () => { w.__clickAt = performance.now(); requestAnimationFrame(check); }, { once: true, capture: true });
    });
  });
  await page.mouse.click(box.x + 24, box.y + 8);
  return page.evaluate(() =>
    Promise.race([
      (window as unknown as { __painted: Promise<number> }).__painted,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('the grid did not paint within 60 s')), 60_000)),
    ]),
  );
}

/** Scrolls the grid to the very end (fetching pages as it goes), recording every frame's duration. */
async function scrollToEnd(page: Page, step: number): Promise<{ frames: number[]; seconds: number }> {
  return page.evaluate(async (stepPx) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Files"]')!;
    const status = () => document.querySelector('[role="status"][aria-label="Selection"]')?.textContent ?? '';
    const frames: number[] = [];
    const start = performance.now();
    let last = start;
    await new Promise<void>((resolve) => {
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2;
        if (atEnd && !status().includes('+')) return resolve();
        if (performance.now() - start > 300_000) return resolve(); // a hung listing must not hang the bench
        grid.scrollTop += stepPx;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { frames: frames.slice(1), seconds: (performance.now() - start) / 1000 };
  }, step);
}

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

async function main(): Promise<void> {
  let figures: BenchFigure[] = [];
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-bench-browser-'));
  const t = performance.now();
  await seed(path.join(root, 'local-library'));
  console.log(`seeded ${FILES.toLocaleString('en-US')} + 1,000 files in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const { proc, line } = await startScript('web', ['--port', '0', '--data', root, '--no-keychain'], /^web ready url=(\S+)/, 120_000);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // tsx compiles with keepNames: functions sent to page.evaluate call a `__name` helper the page lacks.
    // --no-thumbnails separates the app's own frame cost from image rendering and decoding.
    if (args['no-thumbnails']) await page.route(/tr=w-/, (route) => route.abort());
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(/^web ready url=(\S+)/.exec(line)![1]!);
    await page.locator('[data-app-state="loaded"]').waitFor();

    const smallPaint = await openFolder(page, 'small');
    const smallTop = await domNodes(page);
    await scrollToEnd(page, STEP);
    const smallBottom = await domNodes(page);

    const paint = await openFolder(page, 'big');
    const bigTop = await domNodes(page);
    const { frames, seconds } = await scrollToEnd(page, STEP);
    const bigBottom = await domNodes(page);
    const rows = await page.getByRole('status', { name: 'Selection' }).textContent();
    const columns = await page.getByRole('grid', { name: 'Files' }).getAttribute('aria-colcount');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;

    console.log(`first painted grid, ${FILES.toLocaleString('en-US')}-file folder: ${paint.toFixed(0)} ms (target ≤ 1000 ms); 1,000-file folder: ${smallPaint.toFixed(0)} ms`);
    console.log(`scroll top → bottom: ${frames.length} frames in ${seconds.toFixed(1)} s (${STEP} px per frame, ${columns} columns; status "${rows}")`);
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine shows up in frame times)`);
    console.log(`frame time: p50 ${pct(frames, 0.5).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms (target ≤ 25 ms), max ${Math.max(...frames).toFixed(1)} ms`);
    console.log(`JS heap after the scroll (all rows loaded, after GC): ${(metric('JSHeapUsedSize') / 2 ** 20).toFixed(1)} MB (target ≤ 250 MB); total ${(metric('JSHeapTotalSize') / 2 ** 20).toFixed(1)} MB`);
    console.log(`DOM nodes: 1,000-file folder top ${smallTop}, bottom ${smallBottom}; ${FILES.toLocaleString('en-US')}-file folder top ${bigTop}, bottom ${bigBottom} (bounded)`);
    const p95 = pct(frames, 0.95);
    const heapMb = metric('JSHeapUsedSize') / 2 ** 20;
    const maxNodes = Math.max(smallTop, smallBottom, bigTop, bigBottom);
    figures = [
      { name: `first painted grid, ${FILES}-file folder`, value: round(paint, 0), unit: 'ms', target: '≤ 1000 ms', met: paint <= 1000 },
      { name: 'scroll top to bottom, frame time p95', value: round(p95, 1), unit: 'ms', target: '≤ 25 ms', met: p95 <= 25 },
      { name: 'renderer JS heap after the scroll (after GC)', value: round(heapMb, 1), unit: 'MB', target: '≤ 250 MB', met: heapMb <= 250 },
      {
        name: `DOM nodes, largest of top/bottom of 1,000- and ${FILES}-file folders`,
        value: maxNodes,
        unit: 'nodes',
        peer: { name: '1,000-file folder', value: Math.max(smallTop, smallBottom), unit: 'nodes' },
        ratio: round(Math.max(bigTop, bigBottom) / Math.max(smallTop, smallBottom)),
        ratioOf: `${FILES}-file / 1,000-file folder`,
        target: 'bounded (independent of folder size)',
        met: Math.max(bigTop, bigBottom) <= Math.max(smallTop, smallBottom) * 1.5,
      },
    ];
  } finally {
    await browser.close();
    await proc.stop();
    await rm(root, { recursive: true, force: true });
  }
  printBenchSummary({ suite: 'browser', figures });
}

await main();
