/**
 * URL-builder benchmark (not a test). In real Chromium against the web host and its Local
 * library, with a 12 MP (4000×3000) JPEG source: the time from a slider change (the Quality slider of a
 * `w-800` step) to the new preview painted, median over distinct values (each a cache miss, so a real
 * render), printed beside the bare render time of the same URL requested directly (cache-busted) and the
 * 150 ms target.
 * Run: npx tsx bench/builder.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium';
import sharp from 'sharp';
import globalSetup from '../e2e/support/global-setup';
import { startWebHost } from '../e2e/support/hosts';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const SAMPLES = 15;
const TARGET_MS = 150;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A photo-like 12 MP JPEG (noise, blur, gradient, a disc), as in the render benchmark. */
async function photo(): Promise<Buffer> {
  const noise = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><defs><linearGradient id="g"><stop offset="0" stop-color="#203060" stop-opacity="0.6"/><stop offset="1" stop-color="#f0a040" stop-opacity="0.6"/></linearGradient></defs><rect width="4000" height="3000" fill="url(#g)"/><circle cx="2000" cy="1500" r="900" fill="#e0e0e0" fill-opacity="0.7"/></svg>`,
  );
  return sharp(noise).resize(4000, 3000).blur(2).composite([{ input: overlay }]).jpeg({ quality: 90 }).toBuffer();
}

/** In the page: move the slider to `value`, resolve with ms until the preview showing it has been painted. */
function slideAndWaitForPaint([value, marker]: [number, string]): Promise<number> {
  const slider = document.querySelector<HTMLInputElement>('input[aria-label="Quality slider"]');
  const frame = document.querySelector('.ub-compare');
  if (!slider || !frame) throw new Error('the builder preview is not on screen');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no preview with ${marker} within 20 s`)), 20_000);
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if ((frame.getAttribute('data-painted-url') ?? '').includes(marker)) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - start);
      }
    });
    observer.observe(frame, { attributes: true, attributeFilter: ['data-painted-url'] });
    // React listens to the native input event; set the value the way a drag does.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(slider, String(value));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function main() {
  globalSetup(); // the web host serves the renderer build: make sure it is current
  let figures: BenchFigure[] = [];
  const host = await startWebHost(['--no-keychain']);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2000 } });
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'URL builder' }).click();
    const builder = page.getByRole('region', { name: 'URL builder' });
    const urlBox = builder.getByRole('textbox', { name: 'URL', exact: true });

    await builder.getByRole('textbox', { name: 'Path or URL' }).fill('/bench.jpg');
    await page.waitForFunction(() => /\/bench\.jpg$/.test(document.querySelector<HTMLTextAreaElement>('.ub-output textarea')?.value ?? ''));
    const endpoint = (await urlBox.inputValue()).replace(/\/bench\.jpg$/, '');
    const keys = JSON.parse(readFileSync(path.join(host.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
    const sdk = new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(endpoint).origin, maxRetries: 0 });
    await sdk.files.upload({ file: await toFile(await photo(), 'bench.jpg'), fileName: 'bench.jpg', useUniqueFileName: false });

    const step = builder.getByRole('group', { name: 'Step 1', exact: true });
    await step.getByRole('combobox', { name: 'Add parameter to Step 1' }).selectOption({ label: 'Width' });
    await step.getByLabel('Width', { exact: true }).fill('800');
    await step.getByRole('combobox', { name: 'Add parameter to Step 1' }).selectOption({ label: 'Quality' });
    await step.getByLabel('Quality', { exact: true }).fill('40');
    await page.getByRole('status', { name: 'Preview details' }).waitFor();

    const ui: number[] = [];
    const bare: number[] = [];
    for (let i = -1; i < SAMPLES; i += 1) {
      const quality = 50 + i + 1; // distinct values: every change is a fresh render
      const elapsed = await page.evaluate(slideAndWaitForPaint, [quality, `q-${quality}/`] as [number, string]);
      const url = await urlBox.inputValue();
      // The same render without the app: the same URL, cache-busted so the emulator renders it again.
      const started = performance.now();
      const res = await fetch(`${url}?bench=${Date.now()}-${i}`, { headers: { accept: 'image/avif,image/webp,*/*' } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} → HTTP ${res.status}`);
      const bareMs = performance.now() - started;
      if (i >= 0) {
        ui.push(elapsed);
        bare.push(bareMs);
      }
    }
    const uiMedian = median(ui);
    const bareMedian = median(bare);
    console.log(`builder: 12 MP source, tr:w-800,q-N, ${SAMPLES} slider changes (each a new render)`);
    console.log(`  slider change → preview painted: median ${uiMedian.toFixed(1)} ms (min ${Math.min(...ui).toFixed(1)}, max ${Math.max(...ui).toFixed(1)}); target ≤ ${TARGET_MS} ms → ${uiMedian <= TARGET_MS ? 'met' : 'MISSED'}`);
    console.log(`  bare render of the same URL (HTTP, cache miss): median ${bareMedian.toFixed(1)} ms`);
    console.log(`  builder overhead over the bare render: ${(uiMedian - bareMedian).toFixed(1)} ms (ratio ${(uiMedian / bareMedian).toFixed(2)})`);
    figures = [
      {
        name: 'slider change → new preview painted (12 MP source), median',
        value: round(uiMedian, 1),
        unit: 'ms',
        peer: { name: 'bare render of the same URL over HTTP', value: round(bareMedian, 1), unit: 'ms' },
        ratio: round(uiMedian / bareMedian),
        ratioOf: 'builder / bare render',
        target: `≤ ${TARGET_MS} ms`,
        met: uiMedian <= TARGET_MS,
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
  printBenchSummary({ suite: 'builder', figures });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
