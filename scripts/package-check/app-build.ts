import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from '../../electron/build/bundle-electron';
import { productionEnv } from '../../electron/web/ensure-renderer';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const electronBuildDir = path.join(repoRoot, 'dist', 'electron');
export const rendererBuildDir = path.join(repoRoot, 'dist', 'renderer');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The renderer build, made by `npm run build` if the repo has none yet (npm test builds it before
 * Vitest). It runs in a child with NODE_ENV=production: Vitest sets NODE_ENV=test, under which Vite
 * bundles React's development build (770 kB of first-load JS instead of 530), and that build would
 * then be packaged and measured by scripts/bundle-budget.test.ts.
 */
export async function ensureRendererBuild(): Promise<string> {
  if (await exists(path.join(rendererBuildDir, 'index.html'))) return rendererBuildDir;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2], env: productionEnv() });
  if (result.status !== 0) throw new Error('`npm run build` failed; see its errors above.');
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
