/**
 * Upload benchmark (not a test). Two figures:
 *  1. throughput of N × S files through UploadQueue beside a plain SDK loop at the same concurrency, in the same
 *     run against the same emulator (target ratio ≥ 0.9);
 *  2. peak RSS of this process (the "main process" role) while the queue uploads one big file (target < 300 MB).
 *
 * The emulator runs in a child process so its memory and CPU are not counted; the big-file upload runs in a fresh
 * child too, so its RSS is that of a clean process doing only that upload (`--plain-rss` adds the plain SDK doing
 * the same with fs.createReadStream, for comparison; it buffers the whole file).
 * Usage: npx tsx bench/upload.ts [--files 500] [--size-mb 1] [--big-mb 1024] [--concurrency 4] [--plain-rss]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ImageKit from '@imagekit/nodejs';
import { UploadQueue } from '../electron/services/upload-queue/upload-queue.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const PRIVATE_KEY = 'bench_private_key';

async function serveEmulator(dataDir: string): Promise<void> {
  const { startEmulator } = await import('../emulator/src/index.js');
  const emu = await startEmulator({ dataDir, port: 0, quiet: true, privateKey: PRIVATE_KEY, publicKey: 'bench_public_key', faults: '', limits: { maxUploadBytes: 4 * 1024 ** 3 } });
  process.stdout.write(`READY ${emu.apiUrl}\n`);
  process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
}

async function startEmulatorChild(dataDir: string): Promise<{ apiUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`emulator child exited with ${code}`)));
  });
  return { apiUrl, stop: () => child.kill('SIGTERM') };
}

async function makeFiles(dir: string, count: number, size: number): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const buf = Buffer.alloc(size, i % 251);
    buf.writeUInt32BE(i, 0); // distinct content per file
    const p = path.join(dir, `f${String(i).padStart(4, '0')}.bin`);
    await fs.writeFile(p, buf);
    paths.push(p);
  }
  return paths;
}

async function plainSdkLoop(sdk: ImageKit, files: string[], concurrency: number, folder: string): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      await sdk.files.upload({ file: createReadStream(file), fileName: path.basename(file), folder, useUniqueFileName: false });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - start;
}

async function queueRun(sdk: ImageKit, dir: string, dbPath: string, concurrency: number, folder: string): Promise<number> {
  const queue = new UploadQueue(sdk, dbPath, { concurrency });
  queue.start();
  const start = performance.now();
  const { batchId } = await queue.add({ sources: [{ kind: 'path', path: dir }], targetFolder: folder });
  await queue.whenIdle();
  const ms = performance.now() - start;
  const failed = queue.items({ batchId }).filter((i) => i.state !== 'done');
  await queue.close();
  if (failed.length) throw new Error(`${failed.length} queue items did not finish: ${failed[0].errorMessage}`);
  return ms;
}

async function peakRssDuring(work: () => Promise<void>): Promise<{ peak: number; baseline: number }> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { peak: Math.max(peak, process.memoryUsage().rss), baseline };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface BigResult {
  ms: number;
  peak: number;
  baseline: number;
}

/** Child role: upload one file (queue or plain SDK) and print time and RSS as JSON. */
async function bigChild(apiUrl: string, file: string, mode: string, work: string): Promise<void> {
  const sdk = new ImageKit({ privateKey: PRIVATE_KEY, baseURL: apiUrl, maxRetries: 0, timeout: 60 * 60_000 });
  let ms = 0;
  const { peak, baseline } = await peakRssDuring(async () => {
    const t = performance.now();
    if (mode === 'queue') await queueRun(sdk, path.dirname(file), path.join(work, `big-${Date.now()}.db`), 1, '/bench/big-queue');
    else await plainSdkLoop(sdk, [file], 1, '/bench/big-plain');
    ms = performance.now() - t;
  });
  process.stdout.write(`RESULT ${JSON.stringify({ ms, peak, baseline } satisfies BigResult)}\n`);
}

function runBigChild(apiUrl: string, file: string, mode: 'queue' | 'plain', work: string): Promise<BigResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--big-child', apiUrl, file, mode, work], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const m = /RESULT (.+)/.exec(out);
      if (m) resolve(JSON.parse(m[1]) as BigResult);
      else reject(new Error(`big-file child (${mode}) exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      serve: { type: 'string' },
      'big-child': { type: 'string', multiple: false },
      'plain-rss': { type: 'boolean', default: false },
      files: { type: 'string', default: '500' },
      'size-mb': { type: 'string', default: '1' },
      'big-mb': { type: 'string', default: '1024' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  if (values.serve) return serveEmulator(values.serve);
  if (values['big-child']) {
    const [file, mode, work] = positionals;
    return bigChild(values['big-child'], file, mode, work);
  }
  const count = Number(values.files);
  const size = Math.round(Number(values['size-mb']) * 1024 * 1024);
  const bigSize = Math.round(Number(values['big-mb']) * 1024 * 1024);
  const concurrency = Number(values.concurrency);

  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-upload-'));
  const emu = await startEmulatorChild(path.join(work, 'emulator'));
  try {
    const sdk = new ImageKit({ privateKey: PRIVATE_KEY, baseURL: emu.apiUrl, maxRetries: 0 });
    const smallDir = path.join(work, 'small');
    const files = await makeFiles(smallDir, count, size);
    const totalBytes = count * size;
    console.log(`batch: ${count} × ${mb(size)} MB, concurrency ${concurrency}`);

    // Warm-up (connections, JIT) so neither side pays it alone.
    await plainSdkLoop(sdk, files.slice(0, 8), concurrency, '/bench/warmup');
    // Two rounds in alternating order, each side sending every file once per round into its own folder, so
    // neither side is favoured by going first (the emulator's library grows as the run goes on).
    const half = Math.ceil(count / 2);
    const rounds = [files.slice(0, half), files.slice(half)];
    let plainMs = 0;
    let queueMs = 0;
    let plainCpu = 0;
    let queueCpu = 0;
    for (const [round, subset] of rounds.entries()) {
      const roundDir = path.join(work, `round${round}`);
      await fs.mkdir(roundDir);
      await Promise.all(subset.map((f) => fs.rename(f, path.join(roundDir, path.basename(f)))));
      const moved = subset.map((f) => path.join(roundDir, path.basename(f)));
      const runPlain = async () => {
        const cpu = process.cpuUsage();
        plainMs += await plainSdkLoop(sdk, moved, concurrency, `/bench/plain/r${round}`);
        const d = process.cpuUsage(cpu);
        plainCpu += (d.user + d.system) / 1000;
      };
      const runQueue = async () => {
        const cpu = process.cpuUsage();
        queueMs += await queueRun(sdk, roundDir, path.join(work, `queue-${round}.db`), concurrency, `/bench/queue/r${round}`);
        const d = process.cpuUsage(cpu);
        queueCpu += (d.user + d.system) / 1000;
      };
      if (round % 2 === 0) await runPlain().then(runQueue);
      else await runQueue().then(runPlain);
    }
    const plainRate = totalBytes / (plainMs / 1000);
    const queueRate = totalBytes / (queueMs / 1000);
    console.log(`plain SDK loop : ${(plainMs / 1000).toFixed(2)} s, ${mb(plainRate)} MB/s, ${(count / (plainMs / 1000)).toFixed(1)} files/s, client CPU ${(plainCpu / 1000).toFixed(2)} s`);
    console.log(`UploadQueue    : ${(queueMs / 1000).toFixed(2)} s, ${mb(queueRate)} MB/s, ${(count / (queueMs / 1000)).toFixed(1)} files/s, client CPU ${(queueCpu / 1000).toFixed(2)} s`);
    console.log(`throughput ratio queue/plain: ${(queueRate / plainRate).toFixed(3)} (target ≥ 0.9)`);
    const figures: BenchFigure[] = [{
      name: `${count} × ${mb(size)} MB through UploadQueue, concurrency ${concurrency}`, value: round(queueRate / 1024 / 1024, 1), unit: 'MB/s',
      peer: { name: 'plain SDK loop, same files and concurrency', value: round(plainRate / 1024 / 1024, 1), unit: 'MB/s' },
      ratio: round(queueRate / plainRate, 3), ratioOf: 'queue / plain throughput', target: 'ratio ≥ 0.9', met: queueRate / plainRate >= 0.9,
    }];
    await fs.rm(smallDir, { recursive: true, force: true });

    const bigDir = path.join(work, 'big');
    await fs.mkdir(bigDir);
    const bigFile = path.join(bigDir, 'big.bin');
    await fs.writeFile(bigFile, '');
    await fs.truncate(bigFile, bigSize); // sparse: fast to create; still read and sent byte by byte
    const q = await runBigChild(emu.apiUrl, bigFile, 'queue', work);
    console.log(`1 × ${mb(bigSize)} MB through the queue: ${(q.ms / 1000).toFixed(2)} s, ${mb(bigSize / (q.ms / 1000))} MB/s`);
    console.log(`  peak RSS ${mb(q.peak)} MB (process baseline ${mb(q.baseline)} MB); target < 300 MB`);
    const bigFigure: BenchFigure = { name: `1 × ${mb(bigSize)} MB through the queue, peak RSS`, value: round(q.peak / 1024 / 1024, 1), unit: 'MB', target: '< 300 MB', met: q.peak / 1024 / 1024 < 300 };
    figures.push(bigFigure);
    if (values['plain-rss']) {
      const p = await runBigChild(emu.apiUrl, bigFile, 'plain', work);
      console.log(`1 × ${mb(bigSize)} MB through the plain SDK (createReadStream): ${(p.ms / 1000).toFixed(2)} s, peak RSS ${mb(p.peak)} MB`);
      console.log(`  peak RSS ratio queue/plain: ${(q.peak / p.peak).toFixed(3)}`);
      Object.assign(bigFigure, { peer: { name: 'plain SDK (createReadStream)', value: round(p.peak / 1024 / 1024, 1), unit: 'MB' }, ratio: round(q.peak / p.peak, 3), ratioOf: 'queue / plain peak RSS' });
    }
    printBenchSummary({ suite: 'upload', figures });
  } finally {
    emu.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
