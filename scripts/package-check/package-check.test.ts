import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import asar from '@electron/asar';
import { buildStubPackage, type StubPackage } from './build-stub-package';
import { loadBuilderConfig } from './builder-config';
import { bundleExternals, importFromExtractedApp, listAsarFiles, listFilesOnDisk, packageOf, readFuses, selfRelativeAssets, type AsarEntry, type FuseName } from './inspect-package';
import { ELECTRON_DEFAULT_WIRE } from './stub-electron-dist';
import { electronBuildDir, repoRoot } from './app-build';

/**
 * The offline package check: electron-builder's `--linux dir` target with the checked-in
 * electron-builder.yml, against a stub Electron distribution that carries a fuse wire (there is no
 * Electron binary on CI). It asserts what ships: the archive's contents, the unpacked native modules
 * and the fuses electron-builder flipped in the executable.
 */
let work: string;
let pkg: StubPackage;
let files: AsarEntry[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-package-check-'));
  pkg = await buildStubPackage(work);
  files = listAsarFiles(pkg.asar);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const asarText = (inside: string) => asar.extractFile(pkg.asar, inside).toString('utf8');
const outsideModules = () => files.filter((f) => packageOf(f.path) === null).map((f) => f.path);

describe('package check: app.asar holds the app and nothing else', () => {
  it('has package.json, the Electron bundle and the renderer build at its top level, next to node_modules', async () => {
    expect(new Set(files.map((f) => f.path.split('/')[0]))).toEqual(new Set(['package.json', 'dist', 'node_modules']));
    const appFiles = outsideModules();
    expect(appFiles.filter((f) => f.startsWith('dist/electron/')).sort()).toEqual(['dist/electron/local-library.js', 'dist/electron/main.js', 'dist/electron/preload.cjs']);
    const renderer = appFiles.filter((f) => f.startsWith('dist/renderer/'));
    expect(renderer).toContain('dist/renderer/index.html');
    expect(renderer.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(appFiles.filter((f) => f !== 'package.json' && !f.startsWith('dist/electron/') && !f.startsWith('dist/renderer/'))).toEqual([]);
    const manifest = JSON.parse(asarText('package.json')) as { main: string };
    expect(files.map((f) => f.path)).toContain(manifest.main);
  });

  it('carries no tests, benchmarks, fixtures, e2e specs, sources, source maps or reference data', () => {
    const forbidden = files.map((f) => f.path).filter((f) =>
      /(^|\/)(test|tests|__tests__|spec|benchmark|benchmarks|bench|fixtures|e2e|examples?|coverage)\//.test(f) ||
      /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) ||
      /\.(map|ts|tsx|mts|cts)$/.test(f) ||
      /(imagekit-openapi|conformance|reference)\//.test(f) ||
      /^(shared|emulator|electron|renderer|scripts|security|bench|e2e)\//.test(f),
    );
    expect(forbidden).toEqual([]);
  });

  it('ships no dev-only package and none of the modules Vite already bundled into the renderer', async () => {
    // The lockfile marks every package only dev tooling needs (directly or through another dev package).
    const lock = JSON.parse(await readFile(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const shipped = new Set(files.map((f) => packageOf(f.path)).filter((p): p is string => p !== null));
    const devOnly = [...shipped].filter((name) => lock.packages[`node_modules/${name}`]?.dev === true);
    expect(devOnly).toEqual([]);
    for (const rendererOnly of ['react', 'react-dom', 'zustand', '@tanstack/react-query', '@tanstack/react-virtual', '@imagekit/javascript']) {
      expect(shipped.has(rendererOnly), rendererOnly).toBe(false);
    }
    for (const tool of ['electron', 'vitest', 'typescript', 'electron-builder', '@playwright/test', 'vite', 'esbuild']) expect(shipped.has(tool), tool).toBe(false);
  });
});

describe('package check: native modules are unpacked', () => {
  it('keeps every .node binding out of the archive, as real files in app.asar.unpacked', async () => {
    const bindings = files.filter((f) => f.path.endsWith('.node'));
    expect(bindings.filter((f) => !f.unpacked)).toEqual([]);
    const onDisk = await listFilesOnDisk(pkg.unpackedDir);
    const owners = new Set(onDisk.filter((f) => f.endsWith('.node')).map((f) => packageOf(f)));
    // sharp, libsql and the keychain each load a prebuilt N-API binding from a platform package.
    expect([...owners].some((p) => p?.startsWith('@img/sharp-linux'))).toBe(true);
    expect([...owners].some((p) => p?.startsWith('@libsql/linux-x64'))).toBe(true);
    expect([...owners].some((p) => p?.startsWith('@napi-rs/keyring-linux'))).toBe(true);
    for (const binding of bindings) expect(onDisk, binding.path).toContain(binding.path);
  });

  it("unpacks libvips' shared library beside sharp's binding (found through rpath)", async () => {
    const onDisk = await listFilesOnDisk(pkg.unpackedDir);
    expect(onDisk.some((f) => /^node_modules\/@img\/sharp-libvips-linux-x64\/lib\/libvips-cpp\.so/.test(f))).toBe(true);
  });

  it('unpacks the ffmpeg and ffprobe executables the Local library runs (a child process cannot execute from app.asar)', async () => {
    const onDisk = await listFilesOnDisk(pkg.unpackedDir);
    for (const exe of ['node_modules/@ffmpeg-installer/linux-x64/ffmpeg', 'node_modules/@ffprobe-installer/linux-x64/ffprobe']) {
      expect(onDisk, exe).toContain(exe);
      expect((await stat(path.join(pkg.unpackedDir, exe))).mode & 0o100, exe).not.toBe(0);
    }
  });

  it('loads every module the main side imports, native bindings included, from the packaged files', async () => {
    const externals = await bundleExternals(electronBuildDir);
    expect(externals).toEqual(expect.arrayContaining(['sharp', 'libsql', '@napi-rs/keyring', 'zod']));
    const loaded = await importFromExtractedApp(pkg.asar, path.join(work, 'extracted'), externals);
    const failures = Object.entries(loaded).filter(([, outcome]) => !outcome.startsWith('ok node_modules/'));
    expect(failures).toEqual([]);
    expect(Object.keys(loaded).sort()).toEqual(externals);
  }, 120_000);
});

describe('package check: files the app finds next to itself', () => {
  it('ships every asset a bundle locates through import.meta.url (the Local library fonts), as real files', async () => {
    const assets = await selfRelativeAssets(electronBuildDir);
    expect(assets.length).toBeGreaterThan(0);
    const bundleDir = path.join(pkg.asar, 'dist', 'electron');
    for (const { bundle, relative } of assets) {
      const target = path.resolve(bundleDir, relative);
      expect(path.relative(pkg.asar, target).startsWith('..'), `${bundle} → ${relative} must resolve outside the archive, to real files`).toBe(true);
      const shipped = await listFilesOnDisk(target).catch(() => []);
      expect(shipped.length, `${bundle} → ${relative} (${target})`).toBeGreaterThan(0);
    }
    const fonts = await listFilesOnDisk(path.join(pkg.appOutDir, 'resources', 'assets', 'fonts'));
    expect(fonts).toEqual(expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSerif.ttf', 'DejaVuSansMono.ttf']));
  });
});

describe('package check: fuses', () => {
  const expected: Partial<Record<FuseName, boolean>> = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
  };

  it('reads the security fuses as the project requires them in the packaged executable', async () => {
    expect(existsSync(pkg.executable)).toBe(true);
    expect(await readFuses(pkg.executable)).toMatchObject(expected);
  });

  it('flipped each of them away from the stub’s Electron defaults, exactly as electron-builder.yml says', async () => {
    const config = await loadBuilderConfig();
    const fuses = config.electronFuses as Record<string, boolean>;
    const key = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, fuses[key(name)]]))).toEqual(expected);
    // The stub starts from Electron's defaults, where every one of these seven reads the other way round.
    const defaults = Object.keys(expected).map((name, i) => [name, ELECTRON_DEFAULT_WIRE[[0, 1, 2, 3, 4, 5, 7][i]] === '1'] as const);
    const changed = defaults.filter(([name, on]) => expected[name as FuseName] !== on).map(([name]) => name);
    expect(changed).toEqual(Object.keys(expected));
  });
});
