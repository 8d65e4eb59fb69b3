/**
 * The desktop path of bench/upload-browser.ts in a process of its own, as in the app, where the upload queue
 * runs in Electron's main process: run in the bench's own process it shared that process with Playwright's
 * driver and the metering proxy, and its CPU per file there varied between runs from 8 to 24 ms.
 * `node scripts/launch.mjs bench/support/desktop-queue.ts --dir D --db F --folder /f --base URL --key K --concurrency N`
 * uploads every file under D and prints one JSON line: `{ ms, cpuMs, failed, firstError }`.
 */
import { parseArgs } from 'node:util';
import ImageKit from '@imagekit/nodejs';
import { UploadQueue } from '../../electron/services/upload-queue/upload-queue.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    db: { type: 'string' },
    folder: { type: 'string' },
    base: { type: 'string' },
    key: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
  },
  strict: true,
});
const sdk = new ImageKit({ privateKey: values.key!, baseURL: values.base!, maxRetries: 0 });
const queue = new UploadQueue(sdk, values.db!, { concurrency: Number(values.concurrency) });
queue.start();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { batchId } = await queue.add({ sources: [{ kind: 'path', path: values.dir! }], targetFolder: values.folder! });
await queue.whenIdle();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const failed = queue.items({ batchId }).filter((i) => i.state !== 'done');
await queue.close();
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, failed: failed.length, firstError: failed[0]?.errorMessage ?? null }));
