import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const run = promisify(execFile);

export interface AsarEntry {
  /** Forward slashes, no leading slash: `dist/electron/main.js`. */
  path: string;
  /** Stored in app.asar.unpacked instead of the archive. */
  unpacked: boolean;
}

/** Every file (not directory) the archive lists, with where its bytes live. */
export function listAsarFiles(archive: string): AsarEntry[] {
  const files: AsarEntry[] = [];
  for (const listed of asar.listPackage(archive, { isPack: false })) {
    const inside = listed.replace(/\\/g, '/').replace(/^\//, '');
    const stat = asar.statFile(archive, inside, false) as { files?: unknown; link?: unknown; unpacked?: boolean };
    if (stat.files !== undefined || stat.link !== undefined) continue;
    files.push({ path: inside, unpacked: stat.unpacked === true });
  }
  return files;
}

/** Files under a directory on disk, relative and with forward slashes. */
export async function listFilesOnDisk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).replace(/\\/g, '/'));
}

/** The package a file inside node_modules belongs to (`@scope/name` or `name`), else null. */
export function packageOf(file: string): string | null {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return match ? match[1] : null;
}

/** Wire bytes for a fuse's state ('0'/'1'; @electron/fuses keeps its FuseState enum internal). */
const FUSE_DISABLED = 0x30;
const FUSE_ENABLED = 0x31;

export type FuseName = keyof typeof FuseV1Options;

/** The fuse states in a (stub or real) Electron executable, by name: true = enabled. */
export async function readFuses(executable: string): Promise<Partial<Record<FuseName, boolean>>> {
  const wire = await getCurrentFuseWire(executable);
  const states: Partial<Record<FuseName, boolean>> = {};
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index !== 'number') continue; // the enum's reverse mapping
    const state = (wire as unknown as Record<number, number | undefined>)[index];
    if (state === FUSE_ENABLED || state === FUSE_DISABLED) states[name as FuseName] = state === FUSE_ENABLED;
  }
  return states;
}

/** Bare packages the bundled main side loads at run time (everything esbuild left external), minus electron. */
export async function bundleExternals(electronDir: string): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await readdir(electronDir)) {
    if (!/\.(c|m)?js$/.test(file)) continue;
    const code = await readFile(path.join(electronDir, file), 'utf8');
    const specifiers = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.:-]*(?:\/[\w./-]*)?)["']/gi);
    for (const [, spec] of specifiers) {
      if (spec.startsWith('node:') || spec === 'electron') continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      found.add(name);
    }
  }
  return [...found].sort();
}

/**
 * Extracts the packaged app (archive plus unpacked files) and imports each package in a plain Node
 * process from there: proves the asar kept every module main.js needs, native bindings included.
 */
export async function importFromExtractedApp(archive: string, dest: string, packages: string[]): Promise<Record<string, string>> {
  asar.extractAll(archive, dest);
  const script = `
    const { createRequire } = require('node:module');
    const req = createRequire(${JSON.stringify(path.join(dest, 'package.json'))});
    const out = {};
    (async () => {
      for (const name of ${JSON.stringify(packages)}) {
        try {
          const resolved = req.resolve(name);
          await import(require('node:url').pathToFileURL(resolved).href);
          out[name] = 'ok ' + require('node:path').relative(${JSON.stringify(dest)}, resolved);
        } catch (error) { out[name] = 'FAILED ' + (error && error.message); }
      }
      console.log(JSON.stringify(out));
    })();`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dest, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
}

/** Paths the bundles locate relative to themselves (`new URL('<relative>', import.meta.url)`). */
export async function selfRelativeAssets(electronDir: string): Promise<{ bundle: string; relative: string }[]> {
  const found: { bundle: string; relative: string }[] = [];
  for (const file of await readdir(electronDir)) {
    if (!/\.(c|m)?js$/.test(file)) continue;
    const code = await readFile(path.join(electronDir, file), 'utf8');
    for (const [, relative] of code.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) found.push({ bundle: file, relative });
  }
  return found;
}
