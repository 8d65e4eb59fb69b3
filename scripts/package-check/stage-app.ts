import { cp, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from '../../electron/build/bundle-electron';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The renderer build, made with Vite if the repo has none yet (npm test builds it before Vitest). */
async function rendererBuild(): Promise<string> {
  const built = path.join(repoRoot, 'dist', 'renderer');
  if (await exists(path.join(built, 'index.html'))) return built;
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  return built;
}

/**
 * A copy of the project as electron-builder sees it, in `dir`: package.json and its lockfile, a fresh
 * Electron bundle and the renderer build under dist/, and the repo's node_modules linked in (the
 * builder takes production dependencies from there). Building here leaves the repo's dist/ alone,
 * so other engineers' runs are not disturbed.
 */
export async function stageApp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  await cp(path.join(repoRoot, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  await bundleElectron(path.join(dir, 'dist', 'electron'));
  await cp(await rendererBuild(), path.join(dir, 'dist', 'renderer'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
