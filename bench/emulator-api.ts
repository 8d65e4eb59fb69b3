/**
 * Emulator API benchmark (not a test). Prints:
 *  - median latency of a 1000-item `GET /v1/files` page over a 100,000-file library (target ≤ 50 ms),
 *  - median latency of five representative searchQuery forms (target ≤ 100 ms each),
 *  - upload throughput of 500 × 1 MB files through the official SDK at concurrency 8, beside `curl`
 *    uploading the same files at the same concurrency in the same run (target ≥ 0.8 × curl).
 * The library is seeded through the emulator's own storage layer (100,000 uploads would take the
 * whole bench budget); each upload side gets a fresh emulator so neither profits from the other's blobs.
 * Run: npx tsx bench/emulator-api.ts [--library 100000] [--files 500] [--concurrency 8]
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import sharp from 'sharp';
import { startEmulator } from '../emulator/src/index.js';
import { Library } from '../emulator/src/store/library.js';
import type { FileRecord } from '../emulator/src/model/file-record.js';
import { newObjectId } from '../emulator/src/model/ids.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: { library: { type: 'string', default: '100000' }, files: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '8' } },
});
const LIBRARY = Number(args.library);
const FILES = Number(args.files);
const CONCURRENCY = Number(args.concurrency);
const KEY = 'private_bench';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function seedLibrary(dataDir: string): Promise<void> {
  const lib = await Library.open(dataDir);
  const blobs: { hash: string; width: number; height: number; size: number }[] = [];
  for (let i = 0; i < 40; i++) {
    const width = 100 + i * 37;
    const height = 80 + i * 23;
    const data = await sharp({ create: { width, height, channels: 3, background: { r: i * 6, g: 100, b: 200 - i * 4 } } }).png().toBuffer();
    const staged = await lib.blobs.stageBuffer(data);
    await lib.blobs.commit(staged);
    lib.blobs.release(staged.hash);
    blobs.push({ hash: staged.hash, width, height, size: data.length });
  }
  const tags = ['sale', 'summer', 'winter', 'red', 'blue', 'new', 'archive', 'hero', 'banner', 'product'];
  const start = Date.now() - 400 * 86_400_000;
  const folders = Array.from({ length: 100 }, (_, i) => `/folder-${i}/`);
  lib.apply({ putFolders: folders.map((p, i) => ({ folderId: newObjectId(), name: `folder-${i}`, folderPath: p, customMetadata: {}, createdAt: new Date(start).toISOString(), updatedAt: new Date(start).toISOString() })) });
  const BATCH = 10_000;
  for (let base = 0; base < LIBRARY; base += BATCH) {
    const put: FileRecord[] = [];
    const seqFor: Record<string, number> = {};
    for (let i = base; i < Math.min(LIBRARY, base + BATCH); i++) {
      const blob = blobs[i % blobs.length];
      const fileId = newObjectId();
      const folderPath = folders[i % folders.length];
      const at = new Date(start + (i * 400 * 86_400_000) / LIBRARY).toISOString();
      const name = `photo-${i}.png`;
      put.push({
        fileId, versionId: fileId, versionNumber: 1, isCurrent: true, name, filePath: folderPath + name, folderPath,
        tags: [tags[i % 10], tags[(i * 7) % 10]], aiTags: null, isPrivateFile: i % 50 === 0, isPublished: true, customCoordinates: null,
        fileType: 'image', mime: 'image/png', format: 'png', width: blob.width, height: blob.height, size: blob.size, hasAlpha: false,
        duration: null, customMetadata: { brand: ['Nike', 'Acme', 'Umbra'][i % 3] }, embeddedMetadata: {}, description: null,
        blobHash: blob.hash, createdBy: null, createdAt: at, updatedAt: at,
      });
      seqFor[fileId] = lib.newFileSeq();
    }
    lib.apply({ putVersions: put }, seqFor);
  }
  lib.close();
}

async function latency(apiUrl: string, query: string, runs: number): Promise<{ median: number; count: number }> {
  const auth = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await fetch(`${apiUrl}/v1/files?${query}`, { headers: { authorization: auth } });
    const body = (await res.json()) as unknown[];
    if (res.status !== 200) throw new Error(`${query}: HTTP ${res.status} ${JSON.stringify(body)}`);
    if (i >= 2) times.push(performance.now() - t); // first two warm up
    count = body.length;
  }
  return { median: median(times), count };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  const t = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
  return (performance.now() - t) / 1000;
}

async function main(): Promise<void> {
  const figures: BenchFigure[] = [];
  const root = await mkdtemp(path.join(os.tmpdir(), 'ik-bench-api-'));
  try {
    // --- list & search over a big library ---
    const libDir = path.join(root, 'library');
    let t = performance.now();
    await seedLibrary(libDir);
    console.log(`seeded ${LIBRARY} files in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const emu = await startEmulator({ dataDir: libDir, privateKey: KEY, publicKey: 'public_bench', quiet: true, faults: '' });
    console.log(`emulator start (index load) ${(performance.now() - t).toFixed(0)} ms`);
    const page = await latency(emu.apiUrl, 'limit=1000&skip=5000', 25);
    console.log(`list page (1000 items): median ${page.median.toFixed(1)} ms  (target ≤ 50 ms)  ${page.median <= 50 ? 'OK' : 'MISS'}`);
    figures.push({ name: `list page (1000 items) over ${LIBRARY} files, median`, value: round(page.median, 1), unit: 'ms', target: '≤ 50 ms', met: page.median <= 50 });
    const forms = [
      'name : "photo-12"',
      'tags IN ["sale","hero"] AND private = false',
      'createdAt > "30d" AND size < "1mb"',
      'format = "png" AND width > 1000 AND height <= 900',
      '"customMetadata.brand" = "Nike" AND path : "/folder-1"',
    ];
    for (const q of forms) {
      const r = await latency(emu.apiUrl, `limit=1000&searchQuery=${encodeURIComponent(q)}`, 15);
      console.log(`search ${JSON.stringify(q)}: median ${r.median.toFixed(1)} ms, ${r.count} hits  (target ≤ 100 ms)  ${r.median <= 100 ? 'OK' : 'MISS'}`);
      figures.push({ name: `search ${q}, median`, value: round(r.median, 1), unit: 'ms', target: '≤ 100 ms', met: r.median <= 100 });
    }
    await emu.close();

    // --- upload throughput: SDK vs curl ---
    const srcDir = path.join(root, 'src');
    await rm(srcDir, { recursive: true, force: true });
    await import('node:fs/promises').then((f) => f.mkdir(srcDir));
    const files: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const p = path.join(srcDir, `up-${i}.bin`);
      await writeFile(p, randomBytes(1024 * 1024));
      files.push(p);
    }
    const curlEmu = await startEmulator({ dataDir: path.join(root, 'curl'), privateKey: KEY, publicKey: 'public_bench', quiet: true, faults: '' });
    const curlSecs = await pool(files, CONCURRENCY, async (p) => {
      const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-u', `${KEY}:`,
        '-F', `file=@${p}`, '-F', `fileName=${path.basename(p)}`, `${curlEmu.apiUrl}/api/v1/files/upload`]);
      if (stdout !== '200') throw new Error(`curl upload: HTTP ${stdout}`);
    });
    await curlEmu.close();
    const sdkEmu = await startEmulator({ dataDir: path.join(root, 'sdk'), privateKey: KEY, publicKey: 'public_bench', quiet: true, faults: '' });
    const sdk = new ImageKit({ privateKey: KEY, baseURL: sdkEmu.apiUrl, maxRetries: 0 });
    const sdkSecs = await pool(files, CONCURRENCY, async (p) => {
      await sdk.files.upload({ file: createReadStream(p), fileName: path.basename(p) });
    });
    await sdkEmu.close();
    const rate = (secs: number) => `${(FILES / secs).toFixed(1)} files/s, ${(FILES / secs).toFixed(1)} MB/s`;
    console.log(`upload ${FILES} × 1 MB at concurrency ${CONCURRENCY}: curl ${curlSecs.toFixed(1)} s (${rate(curlSecs)})`);
    console.log(`upload ${FILES} × 1 MB at concurrency ${CONCURRENCY}: SDK  ${sdkSecs.toFixed(1)} s (${rate(sdkSecs)})`);
    const ratio = curlSecs / sdkSecs;
    console.log(`SDK throughput / curl throughput = ${ratio.toFixed(2)}  (target ≥ 0.8)  ${ratio >= 0.8 ? 'OK' : 'MISS'}`);
    figures.push({
      name: `upload ${FILES} × 1 MB through the SDK, concurrency ${CONCURRENCY}`, value: round(FILES / sdkSecs, 1), unit: 'files/s',
      peer: { name: 'curl, same files and concurrency', value: round(FILES / curlSecs, 1), unit: 'files/s' }, ratio: round(ratio), ratioOf: 'SDK / curl throughput', target: 'ratio ≥ 0.8', met: ratio >= 0.8,
    });
    printBenchSummary({ suite: 'emulator-api', figures });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
