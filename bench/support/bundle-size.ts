import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** The targets for the renderer build (kB = 1000 bytes, as Vite reports them). */
export const INITIAL_JS_TARGET_KB = 250;
export const CHUNK_TARGET_KB = 500;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  /** What index.html makes the browser fetch before the app runs: its module script and every chunk that statically imports (modulepreloaded or not). */
  initial: ChunkSize[];
  initialBytes: number;
  initialGzip: number;
  /** Every JS chunk of the build, largest first. */
  chunks: ChunkSize[];
  /** React's runtime chunk (vite.config.ts), the floor no React renderer goes under. */
  react?: ChunkSize;
}

function sizeOf(dir: string, file: string): ChunkSize {
  const code = readFileSync(path.join(dir, file));
  return { file, bytes: code.length, gzip: gzipSync(code).length };
}

/**
 * Measures a built renderer (dist/renderer): the initial JS is the closure of static imports from the
 * scripts index.html loads, so a chunk the entry imports counts whether or not Vite lists it as a
 * modulepreload, and a chunk reached only through import() does not.
 */
export async function measureBundle(rendererDir: string): Promise<BundleReport> {
  await init;
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => path.posix.normalize(m[1]!));
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(path.join(rendererDir, file), 'utf8'));
    for (const spec of imports) {
      // d === -1: a static import (or export … from); dynamic import() is loaded on demand.
      if (spec.d !== -1 || !spec.n?.startsWith('.')) continue;
      queue.push(path.posix.join(path.posix.dirname(file), spec.n));
    }
  }
  const initial = [...seen].map((file) => sizeOf(rendererDir, file));
  const assets = readdirSync(path.join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = assets.map((f) => sizeOf(rendererDir, `assets/${f}`)).sort((a, b) => b.bytes - a.bytes);
  return {
    initial,
    initialBytes: initial.reduce((n, c) => n + c.bytes, 0),
    initialGzip: initial.reduce((n, c) => n + c.gzip, 0),
    chunks,
    react: chunks.find((c) => /^assets\/react-[\w-]+\.js$/.test(c.file) && c.bytes > 100_000),
  };
}

export const kB = (bytes: number) => Number((bytes / 1000).toFixed(1));
