import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron side into dist/electron: main.js (ESM), preload.cjs (CommonJS, as a
 * sandboxed preload must be, importing nothing but electron) and local-library.js (the utility
 * process). Native modules and the SDKs stay external and load from node_modules.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultOutdir = path.join(repoRoot, 'dist', 'electron');

const nodeExternal = ['electron', 'sharp', 'libsql', '@napi-rs/keyring', 'conf', 'fastify', '@fastify/*', '@imagekit/nodejs', 'ws', 'zod', 'mime-types'];

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

export async function bundleElectron(outdir = defaultOutdir): Promise<string> {
  await Promise.all([
    build({ ...common, entryPoints: { main: path.join(repoRoot, 'electron', 'main.ts') }, outdir, format: 'esm', external: nodeExternal }),
    build({
      ...common,
      entryPoints: { 'local-library': path.join(repoRoot, 'electron', 'services', 'local-library', 'utility-entry.ts') },
      outdir,
      format: 'esm',
      external: nodeExternal,
    }),
    build({ ...common, entryPoints: { preload: path.join(repoRoot, 'electron', 'preload.ts') }, outdir, format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  ]);
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled the Electron side into ${await bundleElectron()}`);
}
