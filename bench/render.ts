/**
 * Delivery benchmark (not a test). Prints figures and ratios:
 *  - first render of a 4000×3000 JPEG as `tr:w-400,h-300,f-webp` through the emulator (HTTP, cache miss)
 *    beside the same work as a bare sharp pipeline in this process (target ratio ≤ 1.3) and ImageMagick
 *    `convert` (apt build at /usr/bin/convert) in the same run;
 *  - cache-hit median over HTTP (target ≤ 3 ms);
 *  - 200 concurrent thumbnail requests: throughput and peak RSS (target < 600 MB).
 * Run: npx tsx bench/render.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { toFile } from '@imagekit/nodejs';
import ImageKit from '@imagekit/nodejs';
import sharp from 'sharp';
import { startEmulator } from '../emulator/src/index.js';
import { printBenchSummary, round } from './report.js';

const run = promisify(execFile);
const CONVERT = '/usr/bin/convert';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function samples(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push(await time(() => fn(i)));
  return out;
}

/** A photo-like 4000×3000 JPEG (noise, blur, gradient, a disc), as in the reference measurements. */
async function photo(): Promise<Buffer> {
  const noise = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><defs><linearGradient id="g"><stop offset="0" stop-color="#203060" stop-opacity="0.6"/><stop offset="1" stop-color="#f0a040" stop-opacity="0.6"/></linearGradient></defs><rect width="4000" height="3000" fill="url(#g)"/><circle cx="2000" cy="1500" r="900" fill="#e0e0e0" fill-opacity="0.7"/></svg>`);
  return sharp(noise).resize(4000, 3000).blur(2).composite([{ input: overlay }]).jpeg({ quality: 90 }).toBuffer();
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-bench-render-'));
  const input = await photo();
  const inputFile = path.join(dir, 'photo.jpg');
  await writeFile(inputFile, input);
  const emu = await startEmulator({ dataDir: path.join(dir, 'data'), privateKey: 'bench_private', publicKey: 'bench_public', quiet: true, faults: '' });
  try {
    const sdk = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiUrl, maxRetries: 0 });
    await sdk.files.upload({ file: await toFile(input, 'photo.jpg'), fileName: 'photo.jpg', useUniqueFileName: false });
    const fetchOk = async (url: string) => {
      const res = await fetch(url);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
      return body.byteLength;
    };
    const N = 9;
    console.log(`input: 4000×3000 JPEG q90, ${(input.length / 1e6).toFixed(2)} MB; ${os.cpus().length} CPUs; sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}; median of ${N}`);

    // Interleaved so load from other processes on a shared machine hits both sides alike.
    const bareRun = () => sharp(input).resize(400, 300, { fit: 'cover' }).webp({ quality: 80 }).toBuffer();
    const missRun = (i: number) => fetchOk(`${emu.urlEndpoint}/tr:w-400,h-300,f-webp/photo.jpg?updatedAt=miss${i}`);
    await bareRun();
    await missRun(-1);
    const bare: number[] = [];
    const emulatorMiss: number[] = [];
    for (let i = 0; i < N; i += 1) {
      bare.push(await time(bareRun));
      emulatorMiss.push(await time(() => missRun(i)));
    }
    const outFile = path.join(dir, 'out.webp');
    const im = await samples(5, () => run(CONVERT, [inputFile, '-resize', '400x300^', '-gravity', 'center', '-extent', '400x300', '-quality', '80', outFile]));
    const imHint = await samples(5, () => run(CONVERT, ['-define', 'jpeg:size=800x600', inputFile, '-resize', '400x300^', '-gravity', 'center', '-extent', '400x300', '-quality', '80', outFile]));

    console.log('\nfirst render, tr:w-400,h-300,f-webp');
    console.log(`  emulator (HTTP, cache miss)   ${ms(median(emulatorMiss))}`);
    console.log(`  bare sharp pipeline           ${ms(median(bare))}`);
    console.log(`  ImageMagick convert           ${ms(median(im))}`);
    console.log(`  ImageMagick convert + size hint ${ms(median(imHint))}`);
    console.log(`  ratio emulator / bare sharp   ${(median(emulatorMiss) / median(bare)).toFixed(2)}  (target ≤ 1.3)`);
    console.log(`  ratio convert / emulator      ${(median(im) / median(emulatorMiss)).toFixed(1)}×; with size hint ${(median(imHint) / median(emulatorMiss)).toFixed(1)}×`);

    const hitUrl = `${emu.urlEndpoint}/tr:w-400,h-300,f-webp/photo.jpg`;
    await fetchOk(hitUrl);
    const hits = await samples(50, () => fetchOk(hitUrl));
    console.log(`\ncache hit (HTTP) median ${ms(median(hits))}, p90 ${ms([...hits].sort((a, b) => a - b)[Math.floor(hits.length * 0.9)])}  (target ≤ 3 ms)`);

    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const sizes = await Promise.all(Array.from({ length: 200 }, (_, i) => fetchOk(`${emu.urlEndpoint}/photo.jpg?tr=w-200,h-200&updatedAt=burst${i}`)));
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`\n200 concurrent thumbnail requests (w-200,h-200, all cache misses): ${sizes.length} OK in ${elapsed.toFixed(2)} s`);
    console.log(`  throughput ${(200 / elapsed).toFixed(1)} img/s; peak RSS ${(peak / 1e6).toFixed(0)} MB (before ${(before / 1e6).toFixed(0)} MB; target < 600 MB)`);
    const miss = median(emulatorMiss);
    printBenchSummary({
      suite: 'render',
      figures: [
        { name: 'first render 4000×3000 JPEG → tr:w-400,h-300,f-webp (HTTP, cache miss), median', value: round(miss, 1), unit: 'ms', peer: { name: 'bare sharp pipeline', value: round(median(bare), 1), unit: 'ms' }, ratio: round(miss / median(bare)), ratioOf: 'emulator / bare sharp', target: 'ratio ≤ 1.3', met: miss / median(bare) <= 1.3 },
        { name: 'same render, ImageMagick convert', value: round(median(im), 1), unit: 'ms', peer: { name: 'emulator (cache miss)', value: round(miss, 1), unit: 'ms' }, ratio: round(median(im) / miss, 1), ratioOf: 'convert / emulator' },
        { name: 'same render, ImageMagick convert with size hint', value: round(median(imHint), 1), unit: 'ms', peer: { name: 'emulator (cache miss)', value: round(miss, 1), unit: 'ms' }, ratio: round(median(imHint) / miss, 1), ratioOf: 'convert / emulator' },
        { name: 'cache hit over HTTP, median', value: round(median(hits), 2), unit: 'ms', target: '≤ 3 ms', met: median(hits) <= 3 },
        { name: '200 concurrent thumbnails (cache misses), throughput', value: round(200 / elapsed, 1), unit: 'img/s' },
        { name: '200 concurrent thumbnails, peak RSS', value: round(peak / 1e6, 0), unit: 'MB', target: '< 600 MB', met: peak / 1e6 < 600 },
      ],
    });
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
