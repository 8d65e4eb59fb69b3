/**
 * A million files in the Local library (bench, not a test). Prints:
 *  - the time to load 1,000,000 file rows into the emulator's libsql store, and the database size per file,
 *  - the emulator's start (reading every row into its index) over that library,
 *  - median latency of a 1000-item `GET /v1/files` page, near the start and deep in the library (target ≤ 50 ms),
 *  - median latency of the five searchQuery forms of bench/emulator-api.ts (target ≤ 150 ms each),
 *  - median latency of MediaDesk's substring name search (the local name index, FTS5 trigram) over the
 *    same million names: a rare substring, a common one and a two-letter one (target ≤ 100 ms).
 * Run: npx tsx bench/million.ts [--library 1000000]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/src/index.js';
import { NameIndex } from '../electron/services/library/name-index.js';
import type { FileSummary } from '../shared/domain/library.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';
import type { FileRecord } from '../emulator/src/model/file-record.js';
import { seedLibrary, SEARCH_FORMS } from './support/seed-library.js';

const { values: args } = parseArgs({ options: { library: { type: 'string', default: '1000000' } } });
const LIBRARY = Number(args.library);
const KEY = 'private_bench';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const millions = LIBRARY >= 1_000_000 ? `${LIBRARY / 1_000_000}M` : String(LIBRARY);

async function latency(apiUrl: string, query: string, runs: number): Promise<{ median: number; count: number }> {
  const auth = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await fetch(`${apiUrl}/v1/files?${query}`, { headers: { authorization: auth } });
    const body = (await res.json()) as unknown[];
    if (res.status !== 200) throw new Error(`${query}: HTTP ${res.status} ${JSON.stringify(body)}`);
    if (i >= 2) times.push(performance.now() - t); // the first two warm up
    count = body.length;
  }
  return { median: median(times), count };
}

async function fileSize(p: string): Promise<number> {
  return stat(p).then((s) => s.size, () => 0);
}

/** The name index as MediaDesk fills it from listings: one FileSummary per file, a page at a time. */
function recordListed(index: NameIndex, records: FileRecord[]): void {
  const summaries: FileSummary[] = records.map((f) => ({
    fileId: f.fileId, name: f.name, filePath: f.filePath, url: `http://127.0.0.1${f.filePath}`, fileType: f.fileType, mime: f.mime,
    size: f.size, width: f.width, height: f.height, isPrivateFile: f.isPrivateFile, tags: f.tags ?? [], createdAt: f.createdAt, updatedAt: f.updatedAt,
  }));
  for (let i = 0; i < summaries.length; i += 1000) index.record(summaries.slice(i, i + 1000));
}

async function main(): Promise<void> {
  const figures: BenchFigure[] = [];
  const root = await mkdtemp(path.join(os.tmpdir(), 'ik-bench-million-'));
  try {
    const libDir = path.join(root, 'library');
    const namesFile = path.join(root, 'names', 'library-index.db');
    // MediaDesk's name index, filled from the same records as they are written (timed apart).
    const index = new NameIndex(namesFile);
    let indexMs = 0;
    let t = performance.now();
    await seedLibrary(libDir, LIBRARY, (records) => {
      const s = performance.now();
      recordListed(index, records);
      indexMs += performance.now() - s;
    });
    const loadSecs = (performance.now() - t - indexMs) / 1000;
    const dbBytes = (await fileSize(path.join(libDir, 'library.db'))) + (await fileSize(path.join(libDir, 'library.db-wal')));
    console.log(`loaded ${LIBRARY} file rows in ${loadSecs.toFixed(1)} s (${Math.round(LIBRARY / loadSecs)} rows/s); library.db ${(dbBytes / 1e6).toFixed(0)} MB, ${Math.round(dbBytes / LIBRARY)} B per file`);
    figures.push({ name: `load ${millions} file rows into the Local library (libsql, bulk transactions)`, value: round(loadSecs, 1), unit: 's' });
    figures.push({ name: `Local library database size per file (${millions} files)`, value: Math.round(dbBytes / LIBRARY), unit: 'B/file' });
    const indexBytes = (await fileSize(namesFile)) + (await fileSize(`${namesFile}-wal`));
    console.log(`name index of ${LIBRARY} files filled in ${(indexMs / 1000).toFixed(1)} s (1000-file pages), ${Math.round(indexBytes / LIBRARY)} B per file`);
    figures.push({ name: `name index: record ${millions} listed files in 1000-file pages`, value: round(indexMs / 1000, 1), unit: 's' });
    figures.push({ name: `name index size per file (${millions} files)`, value: Math.round(indexBytes / LIBRARY), unit: 'B/file' });

    t = performance.now();
    const emu = await startEmulator({ dataDir: libDir, privateKey: KEY, publicKey: 'public_bench', quiet: true, faults: '' });
    const startMs = performance.now() - t;
    console.log(`emulator start over ${LIBRARY} files (index load) ${startMs.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
    figures.push({ name: `emulator start over ${millions} files (reads every row into its index)`, value: Math.round(startMs), unit: 'ms' });
    try {
      const deep = Math.max(0, LIBRARY - 100_000);
      for (const [label, skip] of [['near the start', 5000], [`deep, skip ${deep}`, deep]] as const) {
        const page = await latency(emu.apiUrl, `limit=1000&skip=${skip}`, 15);
        if (page.count !== 1000) throw new Error(`list page ${label}: ${page.count} items, expected 1000`);
        console.log(`list page (1000 items, ${label}): median ${page.median.toFixed(1)} ms  (target ≤ 50 ms)  ${page.median <= 50 ? 'OK' : 'MISS'}`);
        figures.push({ name: `list page (1000 items, ${label}) over ${millions} files, median`, value: round(page.median, 1), unit: 'ms', target: '≤ 50 ms', met: page.median <= 50 });
      }
      for (const q of SEARCH_FORMS) {
        const r = await latency(emu.apiUrl, `limit=1000&searchQuery=${encodeURIComponent(q)}`, 9);
        console.log(`search ${JSON.stringify(q)}: median ${r.median.toFixed(1)} ms, ${r.count} hits  (target ≤ 150 ms)  ${r.median <= 150 ? 'OK' : 'MISS'}`);
        figures.push({ name: `search ${q} over ${millions} files, median`, value: round(r.median, 1), unit: 'ms', target: '≤ 150 ms', met: r.median <= 150 });
      }
    } finally {
      await emu.close();
    }

    // Substring name search: MediaDesk's local name index (ImageKit's API matches name prefixes only).
    try {
      const rare = `oto-${Math.floor(LIBRARY / 2) + 7}.`;
      for (const [label, text] of [['rare', rare], ['common, every file matches', 'photo'], ['two letters', 'o-']] as const) {
        const times: number[] = [];
        let hits = 0;
        for (let i = 0; i < 11; i++) {
          const s = performance.now();
          hits = index.search(text, undefined, 1000).items.length;
          if (i >= 2) times.push(performance.now() - s);
        }
        const m = median(times);
        console.log(`name search ${JSON.stringify(text)} (${label}): median ${m.toFixed(1)} ms, ${hits} hits  (target ≤ 100 ms)  ${m <= 100 ? 'OK' : 'MISS'}`);
        figures.push({ name: `substring name search "${text}" (${label}) over ${millions} names, median`, value: round(m, 1), unit: 'ms', target: '≤ 100 ms', met: m <= 100 });
      }
    } finally {
      index.close();
    }
    printBenchSummary({ suite: 'million', figures });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
