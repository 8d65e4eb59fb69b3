import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const electronDir = path.join(repoRoot, 'node_modules', 'electron');

/**
 * The Electron executable if it is installed, else undefined. Reads electron's own path.txt instead of
 * `require('electron')`, which (electron ≥ 42) would try to download the binary.
 */
export function installedElectron(): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
