/**
 * Browser-mode upload throughput (not a test): N × S files (default 500 × 1 MiB) picked in the real page in
 * Chromium and uploaded through the web host (bytes over HTTP PUT to its staging, then its queue), beside the
 * same files given to the desktop path's queue (UploadQueue reading them from disk, in a process of its own as
 * in the Electron app's main process), at the same concurrency, against the same ImageKit stand-in (the emulator, own process) through the same
 * metering proxy. Two rounds in alternating order, half the files each, so neither side gains from going first.
 * Target: browser ≥ 0.8 × desktop path.
 * Run: npx tsx bench/upload-browser.ts [--files 500] [--size-mb 1] [--concurrency 4]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium.js';
import { repoRoot } from '../e2e/support/processes.js';
import { ProcessCpu } from './support/process-cpu.js';
import { startUploadRig, type UploadBenchRig } from './support/upload-kit.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '500' }, 'size-mb': { type: 'string', default: '1' }, concurrency: { type: 'string', default: '4' } } });
const FILES = Number(args.files);
const SIZE = Math.round(Number(args['size-mb']) * 1024 * 1024);
const CONCURRENCY = Number(args.concurrency);
const mb = (bytes: number) => bytes / 1024 / 1024;
const run = promisify(execFile);

async function makeFiles(dir: string, from: number, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = from; i < from + count; i++) {
    const bytes = Buffer.alloc(SIZE, i % 251);
    bytes.writeUInt32BE(i, 0);
    const file = path.join(dir, `f${String(i).padStart(4, '0')}.bin`);
    await writeFile(file, bytes);
    paths.push(file);
  }
  return paths;
}

/** The page picks the files and presses Upload; done when the stand-in has stored every one. */
async function browserRound(page: Page, rig: UploadBenchRig, files: string[], folder: string): Promise<number> {
  const region = page.getByRole('region', { name: 'Uploads' });
  const chooser = page.waitForEvent('filechooser');
  await region.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(files);
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  await dialog.getByLabel('Folder', { exact: true }).fill(folder);
  rig.proxy.reset();
  const t0 = performance.now();
  let lastPut = 0;
  let puts = 0;
  const onPut = (r: { url(): string }) => {
    if (!r.url().includes('/uploads/stage')) return;
    puts += 1;
    lastPut = performance.now() - t0;
  };
  // 'response', not 'requestfinished': Chromium reports no finish for a request whose body is a streamed File.
  page.on('response', onPut);
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  // The give-up timer is cleared once the round ends, or it would hold the process open for its 5 minutes.
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    rig.proxy.whenUploadsDone(files.length),
    new Promise((_, reject) =>
      (giveUp = setTimeout(async () => {
        const list = await rig.client.call<{ items: { state: string; errorMessage: string | null }[] }>('uploads.list', {}).catch(() => ({ items: [] }));
        const states = list.items.reduce<Record<string, number>>((acc, it) => ({ ...acc, [it.state]: (acc[it.state] ?? 0) + 1 }), {});
        reject(new Error(`the page's uploads did not finish in 5 min: ${rig.proxy.uploadsDone()} stored; items ${JSON.stringify(states)}; ${list.items.find((i) => i.errorMessage)?.errorMessage ?? ''}`));
      }, 300_000)),
    ),
  ]).finally(() => clearTimeout(giveUp));
  page.off('response', onPut);
  const ms = performance.now() - t0;
  console.log(`  browser round: ${files.length} files; the page's last of ${puts} PUTs done at ${(lastPut / 1000).toFixed(2)} s, all stored at ${(ms / 1000).toFixed(2)} s`);
  return ms;
}

/**
 * The desktop path: the queue reads the same files from disk, in a process of its own (support/desktop-queue.ts)
 * as in Electron's main process. Resolves with its time and the CPU that process used.
 */
async function desktopRound(rig: UploadBenchRig, dir: string, db: string, folder: string, count: number): Promise<{ ms: number; cpuMs: number }> {
  rig.proxy.reset();
  const args = ['scripts/launch.mjs', 'bench/support/desktop-queue.ts', '--dir', dir, '--db', db, '--folder', folder, '--base', rig.proxy.origin, '--key', rig.emulator.privateKey, '--concurrency', String(CONCURRENCY)];
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; failed: number; firstError: string | null };
  if (result.failed) throw new Error(`${result.failed} desktop-path items did not finish: ${result.firstError}`);
  if (rig.proxy.uploadsDone() !== count) throw new Error(`the proxy saw ${rig.proxy.uploadsDone()} uploads, not ${count}`);
  return result;
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-upload-browser-'));
  const rig = await startUploadRig();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  let figures: BenchFigure[] = [];
  try {
    await rig.client.call('uploads.setConcurrency', { concurrency: CONCURRENCY });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(rig.host.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    console.log(`batch: ${FILES} × ${mb(SIZE).toFixed(1)} MiB, concurrency ${CONCURRENCY}, two alternating rounds`);

    // Where the machine's time goes on each path: on two cores the browser path is bound by CPU, not by the wire.
    const cpu = new ProcessCpu({
      Chromium: ProcessCpu.childrenMatching(process.pid, /chrom/i)[0],
      'web host': rig.host.proc.child.pid,
      'ImageKit stand-in': rig.emulator.proc.child.pid,
    });
    const used: Record<'browser' | 'desktop', Record<string, number>> = { browser: {}, desktop: {} };
    const metered = async (side: 'browser' | 'desktop', files: number, work: () => Promise<{ ms: number; cpuMs?: number }>) => {
      const before = cpu.read();
      const { ms, cpuMs } = await work();
      const round = ProcessCpu.since(before, cpu.read());
      if (cpuMs !== undefined) round['desktop queue process'] = cpuMs;
      for (const [k, v] of Object.entries(round)) used[side][k] = (used[side][k] ?? 0) + v;
      const perFile = Object.entries(round).map(([k, v]) => `${k} ${(v / files).toFixed(1)}`);
      console.log(`  ${side} round: ${files} files in ${(ms / 1000).toFixed(2)} s; CPU per file (ms): ${perFile.join(', ')}`);
      return ms;
    };
    const half = Math.ceil(FILES / 2);
    let browserMs = 0;
    let desktopMs = 0;
    for (const [round, [from, count]] of [[0, half], [half, FILES - half]].entries()) {
      const dir = path.join(work, `round${round}`);
      const files = await makeFiles(dir, from, count);
      const runBrowser = async () => (browserMs += await metered('browser', count, async () => ({ ms: await browserRound(page, rig, files, `/throughput/browser/r${round}`) })));
      const runDesktop = async () =>
        (desktopMs += await metered('desktop', count, () => desktopRound(rig, dir, path.join(work, `q${round}.db`), `/throughput/desktop/r${round}`, count)));
      if (round % 2 === 0) await runDesktop().then(runBrowser);
      else await runBrowser().then(runDesktop);
      await rig.client.call('uploads.clearFinished', {});
      await rm(dir, { recursive: true, force: true });
    }
    const bytes = FILES * SIZE;
    const browserRate = mb(bytes) / (browserMs / 1000);
    const desktopRate = mb(bytes) / (desktopMs / 1000);
    console.log(`browser page (HTTP to the host, then its queue): ${(browserMs / 1000).toFixed(2)} s, ${browserRate.toFixed(1)} MB/s`);
    console.log(`desktop path (queue reads the files from disk): ${(desktopMs / 1000).toFixed(2)} s, ${desktopRate.toFixed(1)} MB/s`);
    console.log(`ratio browser/desktop: ${(browserRate / desktopRate).toFixed(3)} (target ≥ 0.8); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const perFile = (side: 'browser' | 'desktop') => Object.values(used[side]).reduce((a, b) => a + b, 0) / FILES;
    const cores = os.availableParallelism();
    for (const [side, ms] of [['browser', browserMs], ['desktop', desktopMs]] as const) {
      const parts = Object.entries(used[side]).map(([k, v]) => `${k === 'bench' ? 'bench process (proxy, page driver)' : k} ${(v / FILES).toFixed(1)}`);
      console.log(`CPU per file, ${side} path: ${perFile(side).toFixed(1)} ms (${parts.join(', ')}); ${(perFile(side) * FILES / ms).toFixed(2)} of ${cores} cores busy`);
    }
    // Even with every core busy all the time, the browser path cannot finish a file faster than its CPU per file
    // spread over the cores: this is the ratio that CPU alone allows against the desktop path's measured pace.
    const cpuCeiling = (cores * desktopMs) / FILES / perFile('browser');
    if (ProcessCpu.available) console.log(`ceiling from CPU alone: ${cores} cores × ${(desktopMs / FILES).toFixed(1)} ms per desktop file ÷ ${perFile('browser').toFixed(1)} ms CPU per browser file = ${cpuCeiling.toFixed(2)}`);
    figures = [
      {
        name: `${FILES} × ${mb(SIZE).toFixed(1)} MB through the real page in Chromium (HTTP to the web host), concurrency ${CONCURRENCY}`,
        value: round(browserRate, 1),
        unit: 'MB/s',
        peer: { name: 'desktop-path queue, same files and concurrency', value: round(desktopRate, 1), unit: 'MB/s' },
        ratio: round(browserRate / desktopRate, 3),
        ratioOf: 'browser / desktop-path throughput',
        target: 'ratio ≥ 0.8',
        met: browserRate / desktopRate >= 0.8,
      },
      ...(ProcessCpu.available
        ? [
            {
              name: `CPU per uploaded file, every process (page in Chromium, web host, stand-in, proxy); CPU alone caps browser/desktop at ${round(cpuCeiling)} on ${cores} cores`,
              value: round(perFile('browser'), 1),
              unit: 'ms',
              peer: { name: 'desktop-path queue, same files', value: round(perFile('desktop'), 1), unit: 'ms' },
              ratio: round(perFile('browser') / perFile('desktop')),
              ratioOf: 'browser / desktop-path CPU per file',
            },
          ]
        : []),
    ];
  } finally {
    await browser.close();
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
  printBenchSummary({ suite: 'upload-browser', figures });
}

await main();
