/**
 * Cold-start benchmark (not a test): `npm start -- --web` with the renderer already built and a fresh
 * data folder (so the Local library is created, as on a first run), until the Folders tree is painted
 * in Chromium. Target ≤ 2 s. Reported in parts:
 *  - process: spawn of `npm start` → its "web ready url=…" line (npm, Node, the host and the Local library);
 *  - page: navigation → the tree "Folders" with its "Library" item visible (load, parse, first data),
 *    with the moment the page first calls the host and first hears back;
 * and, as the peer in the same run, a bare `node -e` HTTP server (spawn → listening) serving a one-line
 * page (navigation → painted): the floor any Node web app pays on this machine.
 * Each trial is its own process and data folder; trials alternate with the peer so the load from other
 * processes on a shared machine hits both alike. Chromium is started once, before the trials (a person's
 * browser is already open).
 * Run: npx tsx bench/cold-start.ts [--trials 5] [--script start|web]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium';
import { repoRoot } from '../e2e/support/processes';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const { values: args } = parseArgs({
  options: { trials: { type: 'string', default: '5' }, script: { type: 'string', default: 'start' } },
});
const TRIALS = Number(args.trials);
const TARGET_MS = 2000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Started {
  url: string;
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns a command in its own process group; resolves at the first line matching `ready` with the URL it names. */
function spawnUntil(command: string, argv: string[], ready: RegExp, env: NodeJS.ProcessEnv): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(command, argv, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* exited meanwhile */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let log = '';
    let partial = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${argv.join(' ')} was not ready within 60 s:\n${log}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log += text;
      partial += text;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const match = ready.exec(line);
        if (!match) continue;
        clearTimeout(timer);
        resolve({ url: match[1]!, readyMs: performance.now() - t0, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (code ${code}) before it was ready:\n${log}`));
    });
  });
}

interface Trial {
  readyMs: number;
  pageMs: number;
  totalMs: number;
  /** Script bytes (decoded) the page had fetched when the tree was painted. */
  jsBytes: number;
  /** Navigation → the page's first request to the host (WebSocket frame), and → its first answer; NaN without a WebSocket. */
  firstCallMs: number;
  firstAnswerMs: number;
}

/** The JS the page fetched so far, as decoded bytes (a string, so no compiled helper crosses into the page). */
const JS_BYTES = `performance.getEntriesByType('resource').filter((e) => /\\.js(\\?|$)/.test(e.name)).reduce((n, e) => n + e.decodedBodySize, 0)`;

async function openAndWait(browser: Browser, started: Started, painted: (page: import('@playwright/test').Page) => Promise<void>): Promise<Trial> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let firstCallMs = NaN;
    let firstAnswerMs = NaN;
    const t = performance.now();
    // Where the page's time goes: loading and running its script (until the first call), the host's answer.
    page.on('websocket', (ws) => {
      ws.once('framesent', () => (firstCallMs = performance.now() - t));
      ws.once('framereceived', () => (firstAnswerMs = performance.now() - t));
    });
    await page.goto(started.url, { waitUntil: 'commit' });
    await painted(page);
    const pageMs = performance.now() - t;
    const jsBytes = (await page.evaluate(JS_BYTES)) as number;
    return { readyMs: started.readyMs, pageMs, totalMs: started.readyMs + pageMs, jsBytes, firstCallMs, firstAnswerMs };
  } finally {
    await context.close();
  }
}

async function mediadeskTrial(browser: Browser, root: string, i: number): Promise<Trial> {
  const dataDir = path.join(root, `data-${i}`);
  const argv = args.script === 'web' ? ['run', '--silent', 'web', '--', '--port', '0', '--data', dataDir] : ['start', '--', '--web', '--port', '0', '--data', dataDir];
  const started = await spawnUntil('npm', argv, /^web ready url=(\S+)/, { ...process.env, FORCE_COLOR: '0' });
  try {
    return await openAndWait(browser, started, async (page) => {
      const tree = page.getByRole('tree', { name: 'Folders' });
      await tree.getByRole('treeitem').first().waitFor({ state: 'visible', timeout: 30_000 });
    });
  } finally {
    await started.stop();
  }
}

/** The same path with nothing of MediaDesk in it: Node's own HTTP server answering a one-element page. */
const PEER_SOURCE = `
const http = require('node:http');
const page = '<!doctype html><title>peer</title><ul role="tree" aria-label="Folders"><li role="treeitem">Library</li></ul>';
const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
server.listen(0, '127.0.0.1', () => console.log('ready url=http://127.0.0.1:' + server.address().port + '/'));
`;

async function peerTrial(browser: Browser): Promise<Trial> {
  const started = await spawnUntil(process.execPath, ['-e', PEER_SOURCE], /^ready url=(\S+)/, process.env);
  try {
    return await openAndWait(browser, started, (page) => page.getByRole('treeitem').first().waitFor({ state: 'visible' }));
  } finally {
    await started.stop();
  }
}

function summarize(label: string, trials: Trial[]) {
  const s = { readyMs: median(trials.map((t) => t.readyMs)), pageMs: median(trials.map((t) => t.pageMs)), totalMs: median(trials.map((t) => t.totalMs)) };
  console.log(`${label.padEnd(34)} total ${s.totalMs.toFixed(0).padStart(5)} ms = process ${s.readyMs.toFixed(0).padStart(5)} ms + page ${s.pageMs.toFixed(0).padStart(5)} ms (medians)`);
  console.log(`${''.padEnd(34)} trials: ${trials.map((t) => t.totalMs.toFixed(0)).join(', ')} ms`);
  return s;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer is not built: run `npx vite build` first (the target is for a renderer already built).');
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-bench-cold-start-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const ours: Trial[] = [];
  const peer: Trial[] = [];
  try {
    // One unmeasured start first: npm's and the OS's file caches, as on a machine that ran anything before.
    await mediadeskTrial(browser, root, -1);
    for (let i = 0; i < TRIALS; i += 1) {
      peer.push(await peerTrial(browser));
      ours.push(await mediadeskTrial(browser, root, i));
    }
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}; ${TRIALS} trials, fresh data folder each`);
  const command = args.script === 'web' ? 'npm run web' : 'npm start -- --web';
  const o = summarize(`${command} → tree painted`, ours);
  const p = summarize('peer: node -e http → page painted', peer);
  const js = median(ours.map((t) => t.jsBytes));
  console.log(`JS fetched by the page before the tree was painted: ${(js / 1024).toFixed(1)} kB (decoded)`);
  const firstCall = median(ours.map((t) => t.firstCallMs));
  const firstAnswer = median(ours.map((t) => t.firstAnswerMs));
  console.log(`page: navigation → first call to the host ${firstCall.toFixed(0)} ms (HTML, script loaded and run) → first answer ${firstAnswer.toFixed(0)} ms → tree painted ${o.pageMs.toFixed(0)} ms (medians)`);
  const figures: BenchFigure[] = [
    {
      name: `${command} (renderer built, fresh data) → Folders tree painted in Chromium, median`,
      value: round(o.totalMs, 0),
      unit: 'ms',
      peer: { name: 'bare node -e HTTP server, spawn → one-element page painted', value: round(p.totalMs, 0), unit: 'ms' },
      ratio: round(o.totalMs / p.totalMs),
      ratioOf: 'MediaDesk / bare Node page',
      target: `≤ ${TARGET_MS} ms`,
      met: o.totalMs <= TARGET_MS,
    },
    { name: `cold start part: spawn → "web ready" line, median`, value: round(o.readyMs, 0), unit: 'ms', peer: { name: 'bare node -e spawn → listening', value: round(p.readyMs, 0), unit: 'ms' }, ratio: round(o.readyMs / p.readyMs), ratioOf: 'MediaDesk / bare Node' },
    { name: `cold start part: navigation → tree painted, median`, value: round(o.pageMs, 0), unit: 'ms', peer: { name: 'one-element page painted', value: round(p.pageMs, 0), unit: 'ms' }, ratio: round(o.pageMs / p.pageMs), ratioOf: 'MediaDesk / bare page' },
    { name: 'JS fetched before the tree was painted (decoded)', value: round(js / 1024, 1), unit: 'kB' },
    { name: 'cold start part: navigation → first call to the host (page loaded and its script run), median', value: round(firstCall, 0), unit: 'ms' },
  ];
  printBenchSummary({ suite: 'cold-start', figures });
}

await main();
