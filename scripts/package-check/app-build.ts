import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from '../../electron/build/bundle-electron';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const electronBuildDir = path.join(repoRoot, 'dist', 'electron');
export const rendererBuildDir = path.join(repoRoot, 'dist', 'renderer');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The renderer build, made with Vite if the repo has none yet (npm test builds it before Vitest). */
export async function ensureRendererBuild(): Promise<string> {
  if (await exists(path.join(rendererBuildDir, 'index.html'))) return rendererBuildDir;
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  return rendererBuildDir;
}

/**
 * What electron-builder packages, in the places electron-builder.yml names: a fresh Electron bundle
 * in dist/electron (the same output `npm start` and `npm run dist` write there) and the renderer
 * build in dist/renderer. electron-builder then runs on the repo itself, so it collects production
 * modules from the real node_modules tree exactly as a release build does.
 */
export async function prepareAppBuild(): Promise<void> {
  await ensureRendererBuild();
  await bundleElectron(electronBuildDir);
}
