/**
 * Transfer benchmark (not a test): N × S files moved from one emulator ("account A") to another
 * ("account B") by the transfer engine (plan, durable job, checksums) beside a plain SDK loop that
 * downloads each original and uploads it, at the same concurrency, in the same run. Two figures:
 *  1. the job's transfer phase (plan + every file downloaded, hashed, uploaded; target ratio ≥ 0.9);
 *  2. the whole job including verification, which reads every target file back to compare
 *     checksums and fields (extra work the plain loop does not do, so reported without a target).
 * Both emulators run in child processes so their work is not counted as this process's. Beside the
 * wall-clock figures, the CPU time this process spends per file on each side (transfer phase only)
 * is printed: on a busy machine wall-clock ratios swing by ±30 %, while the job's own per-file
 * overhead (checksums, durable writes, plan) shows in CPU time much more steadily.
 * Usage: npx tsx bench/transfer.ts [--files 500] [--size-mb 1] [--concurrency 4]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { TransferService } from '../electron/services/transfer/transfer-service.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const KEYS = { a: 'bench_private_a', b: 'bench_private_b' };

async function serveEmulator(dataDir: string, privateKey: string, id: string): Promise<void> {
  const { startEmulator } = await import('../emulator/src/index.js');
  const emu = await startEmulator({ dataDir, port: 0, quiet: true, privateKey, publicKey: `${privateKey}_public`, id, faults: '' });
  process.stdout.write(`READY ${emu.apiUrl} ${emu.urlEndpoint}\n`);
  process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
}

async function startEmulatorChild(dataDir: string, privateKey: string, id: string): Promise<{ apiUrl: string; urlEndpoint: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', dataDir, privateKey, id], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [apiUrl, urlEndpoint] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+) (\S+)/.exec(out);
      if (m) resolve([m[1], m[2]]);
    });
    child.on('exit', (code) => reject(new Error(`emulator child exited with ${code}`)));
  });
  return { apiUrl, urlEndpoint, stop: () => child.kill('SIGTERM') };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

interface Listed {
  name?: string;
  filePath?: string;
  url?: string;
}

/** The peer: for each file, fetch the original and upload the bytes with the SDK. */
/** CPU milliseconds (user + system) this process used since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function plainLoop(source: ImageKit, sourceEndpoint: string, target: ImageKit, folder: string, to: string, concurrency: number): Promise<number> {
  const started = performance.now();
  const files = (await source.assets.list({ path: `${folder}/`, type: 'file', limit: 1000 })) as Listed[];
  await pool(files, concurrency, async (file) => {
    const response = await fetch(`${sourceEndpoint}${file.filePath}?tr=orig-true`);
    const bytes = Buffer.from(await response.arrayBuffer());
    await target.files.upload({ file: await toFile(bytes, file.name ?? 'x'), fileName: file.name ?? 'x', folder: to, useUniqueFileName: false });
  });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { serve: { type: 'string' }, files: { type: 'string', default: '500' }, 'size-mb': { type: 'string', default: '1' }, concurrency: { type: 'string', default: '4' } },
  });
  if (values.serve) return serveEmulator(values.serve, positionals[0], positionals[1]);
  const count = Number(values.files);
  const size = Math.round(Number(values['size-mb']) * 1024 * 1024);
  const concurrency = Number(values.concurrency);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-transfer-'));
  const a = await startEmulatorChild(path.join(work, 'a'), KEYS.a, 'acct_a');
  const b = await startEmulatorChild(path.join(work, 'b'), KEYS.b, 'acct_b');
  try {
    const sdkA = new ImageKit({ privateKey: KEYS.a, baseURL: a.apiUrl, maxRetries: 0 });
    const sdkB = new ImageKit({ privateKey: KEYS.b, baseURL: b.apiUrl, maxRetries: 0 });
    console.log(`seeding ${count} × ${mb(size)} MB into account A…`);
    // A separate /warm folder for the warm-up: the emulator's delivery cache (like ImageKit's CDN) keeps
    // every original it has served, so warming up on /set0 would hand the plain loop cache hits on that
    // set while every file of the job (whose URLs carry updatedAt) is a first fetch.
    const warm = Math.min(50, count);
    await pool(
      Array.from({ length: count + warm }, (_, i) => i),
      8,
      async (i) => {
        const folder = i >= count ? '/warm' : i % 2 === 0 ? '/set0' : '/set1';
        await sdkA.files.upload({ file: await toFile(randomBytes(size), `f${i}.bin`), fileName: `f${String(i).padStart(4, '0')}.bin`, folder, useUniqueFileName: false, tags: ['bench'] });
      },
    );
    const service = new TransferService({
      dataDir: path.join(work, 'data'),
      origin: 'bench',
      concurrency,
      access: async (profileId) => {
        const [client, urlEndpoint] = profileId === 'a' ? [sdkA, a.urlEndpoint] : [sdkB, b.urlEndpoint];
        return { profileId, client, urlEndpoint, libraryKey: `${profileId}|${urlEndpoint}` };
      },
    });
    const runJob = async (folder: string, to: string) => {
      const started = performance.now();
      const cpuFrom = process.cpuUsage();
      let transferMs = 0;
      let transferCpuMs = 0;
      const plan = await service.plan({ source: { kind: 'library', profileId: 'a', path: folder }, target: { profileId: 'b', path: to }, mode: 'copy', versions: false, deleteExtraneous: false, onConflict: 'ask' });
      const { job, release } = await service.start(plan);
      job.on('progress', (p) => {
        if (p.phase === 'verify' && !transferMs) {
          transferMs = performance.now() - started;
          transferCpuMs = cpuMs(cpuFrom);
        }
      });
      await job.run();
      await release();
      const report = job.report();
      if (report.outcome !== 'complete') throw new Error(`transfer job ended ${report.outcome}: ${JSON.stringify(report.files.find((f) => f.error || f.verified === false))}`);
      return { transferMs: transferMs || performance.now() - started, totalMs: performance.now() - started, transferCpuMs: transferCpuMs || cpuMs(cpuFrom) };
    };

    // Warm-up, then two rounds in alternating order (each side moves half the files per round), so
    // neither side gains from going first while the target library grows.
    await plainLoop(sdkA, a.urlEndpoint, sdkB, '/warm', '/warmup', concurrency).catch(() => undefined);
    let plainMs = 0;
    let plainCpuMs = 0;
    let transferMs = 0;
    let transferCpuMs = 0;
    let totalMs = 0;
    for (const [i, folder] of ['/set0', '/set1'].entries()) {
      const plain = async () => {
        const cpuFrom = process.cpuUsage();
        plainMs += await plainLoop(sdkA, a.urlEndpoint, sdkB, folder, `/plain${folder}`, concurrency);
        plainCpuMs += cpuMs(cpuFrom);
      };
      const job = async () => {
        const r = await runJob(folder, `/job${folder}`);
        transferMs += r.transferMs;
        transferCpuMs += r.transferCpuMs;
        totalMs += r.totalMs;
      };
      if (i % 2 === 0) await plain().then(job);
      else await job().then(plain);
    }
    service.close();
    const bytes = count * size;
    const rate = (ms: number) => bytes / (ms / 1000);
    console.log(`plain download+upload loop : ${(plainMs / 1000).toFixed(2)} s, ${mb(rate(plainMs))} MB/s`);
    console.log(`transfer job, transfer phase: ${(transferMs / 1000).toFixed(2)} s, ${mb(rate(transferMs))} MB/s`);
    console.log(`transfer job with verification: ${(totalMs / 1000).toFixed(2)} s, ${mb(rate(totalMs))} MB/s`);
    const ratio = rate(transferMs) / rate(plainMs);
    console.log(`throughput ratio job/plain: ${ratio.toFixed(3)} (target ≥ 0.9)`);
    console.log(`CPU of this process per file: plain ${(plainCpuMs / count).toFixed(2)} ms, job (transfer phase) ${(transferCpuMs / count).toFixed(2)} ms`);
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
    const peer = { name: 'plain SDK download-then-upload loop, same files and concurrency', value: round(rate(plainMs) / 1024 / 1024, 1), unit: 'MB/s' };
    const figures: BenchFigure[] = [
      {
        name: `transfer ${count} × ${mb(size)} MB between two emulators (plan + durable job), concurrency ${concurrency}`,
        value: round(rate(transferMs) / 1024 / 1024, 1),
        unit: 'MB/s',
        peer,
        ratio: round(ratio, 3),
        ratioOf: 'job / plain throughput',
        target: 'ratio ≥ 0.9',
        met: ratio >= 0.9,
      },
      {
        name: 'same transfer including verification (every target file read back and compared)',
        value: round(rate(totalMs) / 1024 / 1024, 1),
        unit: 'MB/s',
        peer,
        ratio: round(rate(totalMs) / rate(plainMs), 3),
        ratioOf: 'verified job / plain throughput',
      },
      {
        name: 'CPU time of this process per file, transfer phase (the job’s own overhead: checksums, durable writes, plan)',
        value: round(transferCpuMs / count, 2),
        unit: 'ms',
        peer: { name: 'plain SDK download-then-upload loop, CPU time per file', value: round(plainCpuMs / count, 2), unit: 'ms' },
        ratio: round(transferCpuMs / plainCpuMs, 3),
        ratioOf: 'job / plain CPU per file',
      },
    ];
    printBenchSummary({ suite: 'transfer', figures });
  } finally {
    a.stop();
    b.stop();
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
