import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from '../electron/build/bundle-electron';
import { ensureRendererBuild } from '../scripts/package-check/app-build';
import { loadExceptions, repoRoot, scan, unjustified, unusedExceptions, type ScanException, type ScanResult } from './electronegativity';

/**
 * The Electronegativity gate. It scans the Electron sources and the build (bundled main, preload and
 * utility process, plus the renderer build) and fails on any finding that
 * security/electronegativity-exceptions.json does not justify, on stale exceptions, and on files the
 * scanner could not parse (those would be silently unchecked). A canary with a known-bad window
 * proves the gate reads findings at all.
 */
let work: string;
let exceptions: ScanException[];
const results: Record<'sources' | 'build' | 'canary', ScanResult> = {} as never;
let electronVersion: string;

/**
 * The build as the scanner can read it: its parser predates ES2022 class fields, so the bundles are
 * lowered to ES2021 syntax (same code, older spelling); everything else is left as built.
 */
async function writeScannableBuild(dir: string): Promise<void> {
  const bundleDir = await bundleElectron(path.join(work, 'bundle'));
  await mkdir(dir, { recursive: true });
  for (const file of await readdir(bundleDir)) {
    if (file.endsWith('.map')) continue;
    const code = await readFile(path.join(bundleDir, file), 'utf8');
    const lowered = await transform(code, {
      target: 'es2021',
      format: file.endsWith('.cjs') ? 'cjs' : 'esm',
      supported: { 'top-level-await': true, bigint: true, 'import-meta': true },
      logLevel: 'error',
    });
    await writeFile(path.join(dir, file.replace(/\.cjs$/, '.js')), lowered.code);
  }
  const renderer = await ensureRendererBuild();
  await cp(renderer, path.join(dir, 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
}

const CANARY = `
const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  win.loadURL('http://example.com/');
});
`;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-electronegativity-'));
  exceptions = await loadExceptions();
  electronVersion = (JSON.parse(await readFile(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const buildDir = path.join(work, 'build');
  await writeScannableBuild(buildDir);
  const canaryDir = path.join(work, 'canary');
  await mkdir(canaryDir);
  await writeFile(path.join(canaryDir, 'main.js'), CANARY);
  const [sources, build, canary] = await Promise.all([
    scan(path.join(repoRoot, 'electron'), path.join(work, 'sources.sarif'), electronVersion),
    scan(buildDir, path.join(work, 'build.sarif'), electronVersion),
    scan(canaryDir, path.join(work, 'canary.sarif'), electronVersion),
  ]);
  Object.assign(results, { sources, build, canary });
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('Electronegativity gate', () => {
  it('catches a known-bad window (the canary), so an empty result means a clean app, not a blind scan', () => {
    const checks = results.canary.findings.map((f) => f.check);
    expect(checks).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']));
    expect(unjustified('build', results.canary.findings, exceptions).length).toBeGreaterThan(0);
  });

  it.each(['sources', 'build'] as const)('parses every file of the %s scan', (name) => {
    expect(results[name].parseErrors).toEqual([]);
  });

  it.each(['sources', 'build'] as const)('has no finding in the %s scan beyond the reviewed exceptions', (name) => {
    const open = unjustified(name, results[name].findings, exceptions).map((f) => `${f.check} ${f.file || '(global)'}:${f.line} ${f.message}`);
    expect(open).toEqual([]);
  });

  it.each(['sources', 'build'] as const)('keeps no stale exception for the %s scan', (name) => {
    expect(unusedExceptions(name, results[name].findings, exceptions)).toEqual([]);
  });

  it('justifies every exception and names an existing test that guards it', () => {
    for (const e of exceptions) {
      expect(e.justification.length, `${e.scan} ${e.check} ${e.file}`).toBeGreaterThan(40);
      expect(e.guardedBy.length).toBeGreaterThan(0);
      for (const test of e.guardedBy) expect(existsSync(path.join(repoRoot, test)), test).toBe(true);
    }
  });
});
