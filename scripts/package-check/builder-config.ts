import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Configuration } from 'electron-builder';
import { repoRoot } from './app-build';

/** The checked-in electron-builder.yml, parsed: the one configuration `npm run dist` and the package check share. */
export async function loadBuilderConfig(): Promise<Configuration> {
  const text = await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
  const config = parse(text) as Configuration | null;
  if (!config || typeof config !== 'object') throw new Error('electron-builder.yml is empty or not a mapping.');
  return config;
}

/** The Electron version the app is built against, from the installed `electron` package. */
export async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
