/**
 * Long lists in the real page (not a test), issue 17: Chromium on the web host, 1280 × 800.
 *  - the upload list with 10,000 queued files (queued over the contract as the page queues a selection; their
 *    bytes never come, so every row stays "Reading" with its Cancel button): DOM nodes with the drawer open, and
 *    frame times while the list is scrolled from top to bottom (target p95 ≤ 25 ms, DOM bounded);
 *  - the bulk metadata editor over 10,000 selected files (seeded into the Local library's store, as
 *    bench/browser.ts does): rows in the DOM and frame times of a top-to-bottom scroll of its grid.
 * Run: npx tsx bench/upload-lists.ts [--items 10000] [--step 400]   (--quick: 2,000 items)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium.js';
import { startScript } from '../e2e/support/processes.js';
import { Library } from '../emulator/src/store/library.js';
import type { FileRecord } from '../emulator/src/model/file-record.js';
import { newObjectId } from '../emulator/src/model/ids.js';
import { contractClient } from './support/upload-kit.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({
  options: { items: { type: 'string' }, step: { type: 'string', default: '400' }, quick: { type: 'boolean', default: false } },
});
const ITEMS = Number(args.items ?? (args.quick ? 2_000 : 10_000));
const STEP = Number(args.step);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** `count` image files in /many, written straight into the Local library's store (uploading them would take long). */
async function seed(dataDir: string, count: number): Promise<void> {
  const lib = await Library.open(dataDir);
  const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
  const staged = await lib.blobs.stageBuffer(data);
  await lib.blobs.commit(staged);
  lib.blobs.release(staged.hash);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  lib.apply({ putFolders: [{ folderId: newObjectId(), name: 'many', folderPath: '/many/', customMetadata: {}, createdAt: at, updatedAt: at }] });
  const records: FileRecord[] = [];
  const seqFor: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const fileId = newObjectId();
    const name = `photo-${String(i).padStart(5, '0')}.png`;
    const created = new Date(Date.parse(at) + i * 1000).toISOString();
    records.push({
      fileId, versionId: fileId, versionNumber: 1, isCurrent: true, name, filePath: `/many/${name}`, folderPath: '/many/',
      tags: i % 3 ? ['sale'] : null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null,
      fileType: 'image', mime: 'image/png', format: 'png', width: 64, height: 48, size: data.length, hasAlpha: false,
      duration: null, customMetadata: {}, embeddedMetadata: {}, description: null, blobHash: staged.hash, createdBy: null, createdAt: created, updatedAt: created,
    });
    seqFor[fileId] = lib.newFileSeq();
  }
  lib.apply({ putVersions: records }, seqFor);
  lib.close();
}

/** Scrolls `selector` from top to bottom `step` px a frame, recording each frame's duration. */
async function scrollToEnd(page: Page, selector: string, step: number): Promise<{ frames: number[]; seconds: number; maxNodes: number }> {
  return page.evaluate(
    async ({ selector, step }) => {
      const box = document.querySelector<HTMLElement>(selector)!;
      box.scrollTop = 0;
      const frames: number[] = [];
      let maxNodes = 0;
      const start = performance.now();
      let last = start;
      await new Promise<void>((resolve) => {
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (frames.length % 20 === 0) maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
          if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2 || now - start > 240_000) return resolve();
          box.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { frames: frames.slice(2), seconds: (performance.now() - start) / 1000, maxNodes };
    },
    { selector, step },
  );
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  // tsx compiles with keepNames: functions sent to page.evaluate call a `__name` helper the page lacks.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(url);
  await page.locator('[data-app-state="loaded"]').waitFor({ timeout: 120_000 });
  return page;
}

function figures(what: string, frames: number[], nodes: { top: number; max: number }, rows: number): BenchFigure[] {
  const p95 = pct(frames, 0.95);
  console.log(`${what}: ${rows} rows in the DOM; DOM nodes ${nodes.top} at the top, at most ${nodes.max} while scrolling`);
  console.log(`${what}: frame time p50 ${pct(frames, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 25 ms), max ${Math.max(...frames).toFixed(1)} ms over ${frames.length} frames`);
  return [
    { name: `${what} (${ITEMS.toLocaleString('en-US')} rows): scroll top to bottom, frame time p95`, value: round(p95, 1), unit: 'ms', target: '≤ 25 ms', met: p95 <= 25 },
    { name: `${what} (${ITEMS.toLocaleString('en-US')} rows): most DOM nodes while scrolling`, value: nodes.max, unit: 'nodes', target: 'bounded (rows in view only)', met: rows < 100 },
  ];
}

async function uploadList(browser: Browser, root: string): Promise<BenchFigure[]> {
  const { proc, line } = await startScript('web', ['--port', '0', '--data', path.join(root, 'uploads'), '--no-keychain'], /^web ready url=(\S+)/, 120_000);
  try {
    const url = /^web ready url=(\S+)/.exec(line)![1]!;
    const parsed = new URL(url);
    const client = await contractClient({ url, origin: parsed.origin, token: new URLSearchParams(parsed.hash.slice(1)).get('token')!, dataDir: '', proc, stop: async () => undefined });
    const sources = Array.from({ length: ITEMS }, (_, i) => ({ kind: 'incoming', relativePath: `queued-${String(i).padStart(5, '0')}.bin`, size: 1000 + i }));
    const t = performance.now();
    await client.call('uploads.add', { sources, targetFolder: '/long-queue', options: {} });
    console.log(`queued ${ITEMS} files over the contract in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    client.close();
    const page = await openPage(browser, url);
    const region = page.getByRole('region', { name: 'Uploads' });
    // The drawer opens by itself for a queue with files in it; open it if it has not.
    const toggle = region.getByRole('button', { name: /^(Show|Hide) list$/ });
    await toggle.waitFor({ timeout: 60_000 });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const list = region.getByRole('list', { name: 'Upload queue' });
    await list.getByRole('listitem').first().waitFor();
    const setsize = await list.getByRole('listitem').first().getAttribute('aria-setsize');
    if (setsize !== String(ITEMS)) throw new Error(`the upload list says ${setsize} files, not ${ITEMS}`);
    const top = await domNodes(page);
    const rows = await list.getByRole('listitem').count();
    await scrollToEnd(page, '.upload-list-scroll', STEP); // warm-up
    const { frames, maxNodes } = await scrollToEnd(page, '.upload-list-scroll', STEP);
    const last = await list.locator(`[aria-posinset="${ITEMS}"]`).count();
    if (last !== 1) throw new Error('the scroll did not reach the last upload row');
    return figures('upload list', frames, { top, max: maxNodes }, rows);
  } finally {
    await proc.stop();
  }
}

async function bulkEditor(browser: Browser, root: string): Promise<BenchFigure[]> {
  const data = path.join(root, 'library');
  await seed(path.join(data, 'local-library'), ITEMS);
  const { proc, line } = await startScript('web', ['--port', '0', '--data', data, '--no-keychain'], /^web ready url=(\S+)/, 120_000);
  try {
    const page = await openPage(browser, /^web ready url=(\S+)/.exec(line)![1]!);
    await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'many', exact: true }).click({ position: { x: 24, y: 8 } });
    await page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name: 'photo-00000.png', exact: true }).click();
    // Select all takes the files listed so far: scroll the grid to the end first (pages of 1000 load on the way).
    await page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Files"]')!;
      const status = () => document.querySelector('[role="status"][aria-label="Selection"]')?.textContent ?? '';
      const start = performance.now();
      while (performance.now() - start < 180_000) {
        grid.scrollTop = grid.scrollHeight;
        await new Promise((r) => setTimeout(r, 100));
        if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2 && !status().includes('+')) return;
      }
    });
    await page.keyboard.press('ControlOrMeta+a');
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Custom metadata', exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Metadata' });
    const t = performance.now();
    await grid.waitFor({ timeout: 120_000 });
    const rowcount = await grid.getAttribute('aria-rowcount');
    console.log(`bulk editor open with aria-rowcount ${rowcount} after ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (rowcount !== String(ITEMS + 1)) throw new Error(`the bulk editor has ${rowcount} rows, not ${ITEMS + 1} (header included)`);
    const top = await domNodes(page);
    const rows = await grid.getByRole('rowheader').count();
    await scrollToEnd(page, '.grid-scroll', STEP); // warm-up (details come in pages of 1000 on the way)
    const { frames, maxNodes } = await scrollToEnd(page, '.grid-scroll', STEP);
    return figures('bulk metadata editor', frames, { top, max: maxNodes }, rows);
  } finally {
    await proc.stop();
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-bench-lists-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  let out: BenchFigure[] = [];
  try {
    out = [...(await uploadList(browser, root)), ...(await bulkEditor(browser, root))];
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine shows up in frame times)`);
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
  printBenchSummary({ suite: 'upload-lists', figures: out });
}

await main();
