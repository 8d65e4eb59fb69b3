#!/usr/bin/env node
// @ts-check
/**
 * `node scripts/launch.mjs <entry.ts> [args…]` (what `npm start` and `npm run web` run): the entry and
 * everything it imports as one prebuilt ES module, instead of through tsx. tsx compiles and resolves
 * each of the ~300 main-side modules and ~300 package files on every start, which took most of the
 * cold start (bench/cold-start.ts); one bundle is read, parsed and run in a fraction of that.
 *
 * The bundle is cached in node_modules/.cache/mediadesk/launch and rebuilt (esbuild, well under a second)
 * whenever any file it was built from changed, moved or vanished, so a fresh checkout and every edit
 * run current code, as tsx did. Native modules and the tools that find their own files on disk stay
 * outside the bundle and load from node_modules as before.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** MEDIADESK_LAUNCH_CACHE moves the cache (tests use a folder of their own). */
const cacheDir = path.resolve(process.env.MEDIADESK_LAUNCH_CACHE ?? path.join(repoRoot, 'node_modules', '.cache', 'mediadesk', 'launch'));

/**
 * Loaded from node_modules, never bundled: native addons (sharp, libsql, the keychain), packages that
 * locate their binaries next to their own files (ffmpeg, esbuild), and Electron itself.
 */
const EXTERNAL = [
  'electron',
  'esbuild',
  'tsx',
  'sharp',
  'libsql',
  '@libsql/*',
  '@napi-rs/keyring',
  '@napi-rs/keyring-*',
  '@ffmpeg-installer/*',
  '@ffprobe-installer/*',
  'fsevents',
];

/** A bundled CommonJS package that calls require() gets Node's own, bound to the bundle's location. */
const BANNER = "import { createRequire as __mdCreateRequire } from 'node:module'; const require = __mdCreateRequire(import.meta.url);";

const entryArg = process.argv[2];
if (!entryArg) {
  console.error('usage: node scripts/launch.mjs <entry.ts> [args…]');
  process.exit(2);
}
const entry = path.resolve(repoRoot, entryArg);
const entryDir = path.join(cacheDir, path.relative(repoRoot, entry).replace(/\.[cm]?tsx?$/, '').replace(/[^\w.-]+/g, '_'));
const manifestFile = path.join(entryDir, 'current.json');
/** Builds other than the current one are removed once this old (a host started earlier may still load their chunks). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/** @param {string} file */
function fingerprint(file) {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
}

/**
 * Packages change only through npm, which rewrites node_modules/.package-lock.json on every install,
 * update or removal: its fingerprint stands for every bundled package file (850 stats would cost more
 * than the rest of the check).
 */
const PACKAGE_STAMPS = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/**
 * The build to run: the current one when it was made here, by this Node, from exactly the files as
 * they are now; otherwise undefined.
 * @returns {string | undefined} the build's entry module
 */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.root !== repoRoot || manifest.node !== process.versions.node) return undefined;
  for (const [file, print] of Object.entries(manifest.inputs)) if (fingerprint(path.join(repoRoot, file)) !== print) return undefined;
  const main = path.join(entryDir, manifest.build, 'main.mjs');
  return fingerprint(main) === manifest.output ? main : undefined;
}

/**
 * esbuild would give every module the bundle's own `import.meta.url`; each module keeps its source
 * file's, so paths found relative to a module (package.json, fonts, the repo root) stay right.
 * @type {import('esbuild').Plugin}
 */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.(m?[jt]sx?)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const url = pathToFileURL(args.path).href;
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(url))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      const ext = path.extname(args.path);
      /** @type {import('esbuild').Loader} */
      const loader = ext.includes('t') ? (ext.endsWith('x') ? 'tsx' : 'ts') : ext.endsWith('x') ? 'jsx' : 'js';
      return { contents, loader, resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * sharp loads libvips and probes the C library when imported (about a quarter of a second of CPU), and
 * nothing on the way to a usable window needs it: the first image the Local library decodes or renders
 * does. In the bundle, `import sharp from 'sharp'` gets a stand-in that loads sharp on first use and
 * then forwards every call, `new` and property read to it.
 * @type {import('esbuild').Plugin}
 */
const lazySharp = {
  name: 'lazy-sharp',
  setup(build) {
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'lazy-sharp' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-sharp' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        `const load = () => createRequire(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'package.json')).href)})('sharp');`,
        'let real;',
        'const loaded = () => (real ??= load());',
        'export default new Proxy(function sharp() {}, {',
        '  apply: (_target, self, args) => Reflect.apply(loaded(), self, args),',
        '  construct: (_target, args) => Reflect.construct(loaded(), args),',
        '  get: (_target, key) => Reflect.get(loaded(), key),',
        '  has: (_target, key) => Reflect.has(loaded(), key),',
        '});',
      ].join('\n'),
      resolveDir: repoRoot,
      loader: 'js',
    }));
  },
};

/** @returns {Promise<string>} the new build's entry module */
async function rebuild() {
  const { build } = await import('esbuild');
  // A folder of its own per build: chunks load lazily, so a host started from an older build keeps its files.
  const buildName = `${Date.now().toString(36)}-${process.pid}`;
  const outdir = path.join(entryDir, buildName);
  const result = await build({
    entryPoints: { main: entry },
    outdir,
    // Code behind a dynamic import() lands in its own chunk, read and compiled only when it is imported.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: BANNER },
    metafile: true,
    logLevel: 'error',
    plugins: [ownImportMeta, lazySharp],
    absWorkingDir: repoRoot,
  }).catch(() => null);
  if (!result) {
    console.error(`launch: could not build ${entryArg}; fix the errors above and run it again.`);
    process.exit(1);
  }
  /** @type {Record<string, string>} */
  const inputs = {};
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  for (const file of [...sources, path.relative(repoRoot, fileURLToPath(import.meta.url)), ...PACKAGE_STAMPS]) {
    inputs[file] = fingerprint(path.join(repoRoot, file));
  }
  const main = path.join(outdir, 'main.mjs');
  const manifest = { root: repoRoot, node: process.versions.node, build: buildName, output: fingerprint(main), inputs };
  // Written aside and renamed: a concurrent start reads either the old manifest or this one, whole.
  writeFileSync(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${manifestFile}.${process.pid}.tmp`, manifestFile);
  pruneOldBuilds(buildName);
  return main;
}

/** @param {string} keep */
function pruneOldBuilds(keep) {
  for (const dirent of readdirSync(entryDir, { withFileTypes: true })) {
    if (!dirent.isDirectory() || dirent.name === keep) continue;
    const dir = path.join(entryDir, dirent.name);
    if (Date.now() - statSync(dir).mtimeMs > PRUNE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
  }
}

const main = freshBuild() ?? (await rebuild());
// The entry reads its own arguments (parseArgs over argv[2…]) as if Node had run it directly.
process.argv.splice(1, 2, entry);
await import(pathToFileURL(main).href);
