import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js, proven to fire: small snippets are linted with the repo's
 * real config as if they lived at a given path (lintText with a virtual filePath; nothing is written).
 * Each forbidden case must be reported by the boundary rule, and each allowed twin must lint clean,
 * so a rule that reports everything fails here as surely as one that reports nothing.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties', 'boundaries/dependencies']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** Messages of the boundary rules for `code` placed at `file` (repo-relative). */
async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId && boundaryRules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('shared/ stays pure TypeScript', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", /'node:fs' import is restricted/],
    ["import { readFile } from 'fs/promises';\nexport const read = readFile;", /'fs\/promises' import is restricted/],
    ["import path from 'path';\nexport const join = path.join;", /'path' import is restricted/],
    ["import { app } from 'electron';\nexport const a = app;", /'electron' import is restricted/],
    ["import { useState } from 'react';\nexport const u = useState;", /'react' import is restricted/],
    ["export const fs = await import('node:fs');", /shared\/ must stay pure/],
    ["export const fs = require('fs');", /shared\/ must stay pure/],
  ])('reports %j', async (code, expected) => {
    const problems = await boundaryProblems('shared/domain/boundary-fixture.ts', code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('allows zod and our own folders, even ones named like Node modules (shared/url, shared/crypto)', async () => {
    const code = "import { z } from 'zod';\nimport { a } from '../url/parse';\nimport { b } from './crypto/hash';\nexport const all = [z, a, b];";
    expect(await boundaryProblems('shared/domain/boundary-fixture.ts', code)).toEqual([]);
  });

  it('lets shared/ tests use Node (they run in Vitest, not in the product)', async () => {
    expect(await boundaryProblems('shared/domain/boundary-fixture.test.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;")).toEqual([]);
  });
});

describe('services never import electron', () => {
  it.each([
    ['electron/services/profiles/boundary-fixture.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/services/profiles/boundary-fixture.ts', "import type { App } from 'electron';\nexport type A = App;"],
    ['electron/web/boundary-fixture.ts', "import { shell } from 'electron';\nexport const s = shell;"],
    ['emulator/src/boundary-fixture.ts', "import { net } from 'electron';\nexport const n = net;"],
  ])('reports electron in %s', async (file, code) => {
    const problems = await boundaryProblems(file, code);
    expect(problems).toEqual([expect.stringMatching(/'electron' import is restricted.*Only electron\/adapters/)]);
  });

  it('reports a dynamic import of electron, which no-restricted-imports alone cannot see', async () => {
    const problems = await boundaryProblems('electron/services/profiles/boundary-fixture.ts', "export const e = await import('electron');");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-syntax: Import electron statically/)]);
  });

  it('lets adapters use electron (its non-IPC parts)', async () => {
    expect(await boundaryProblems('electron/adapters/boundary-fixture.ts', "import { app, shell } from 'electron';\nexport const a = [app, shell];")).toEqual([]);
  });
});

describe('electron-store (it loads electron) only in electron/adapters/', () => {
  const open = "import Store from 'electron-store';\nexport const s = new Store();";
  it.each([
    'electron/services/settings/boundary-fixture.ts',
    'electron/web/boundary-fixture.ts',
    'electron/main.ts',
    'electron/ipc/electron-ipc-adapter.ts',
    'electron/preload.ts',
    'emulator/src/boundary-fixture.ts',
    'scripts/boundary-fixture.ts',
    'electron/test/services/boundary-fixture.test.ts',
  ])('reports it in %s', async (file) => {
    expect(await boundaryProblems(file, open)).toEqual([expect.stringMatching(/'electron-store' import is restricted.*electron\/adapters/)]);
  });

  it.each([
    ['shared/domain/boundary-fixture.ts', /shared\/ must stay pure/],
    ['renderer/src/features/browser/boundary-fixture.tsx', /The renderer has no Node/],
  ])('reports it in %s with that layer\'s reason', async (file, expected) => {
    expect(await boundaryProblems(file, open)).toEqual([expect.stringMatching(expected)]);
  });

  it('reports a dynamic import of it', async () => {
    expect(await boundaryProblems('electron/services/settings/boundary-fixture.ts', "export const s = await import('electron-store');")).toEqual([
      expect.stringMatching(/no-restricted-syntax: electron-store loads electron/),
    ]);
  });

  it('allows it in an adapter, which still may not use raw IPC', async () => {
    expect(await boundaryProblems('electron/adapters/boundary-fixture.ts', open)).toEqual([]);
    expect(await boundaryProblems('electron/adapters/boundary-fixture.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;")).toEqual([
      expect.stringMatching(/Use the typed contract/),
    ]);
  });
});

describe('raw ipcMain/ipcRenderer only in the IPC adapter and the preload', () => {
  const mainSide = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);";
  const rendererSide = "import { ipcRenderer } from 'electron';\nexport const call = () => ipcRenderer.invoke('x');";

  it.each([
    ['electron/main.ts', mainSide],
    ['electron/adapters/boundary-fixture.ts', mainSide],
    ['electron/ipc/boundary-fixture.ts', mainSide],
    ['electron/adapters/boundary-fixture.ts', rendererSide],
    ['electron/adapters/boundary-fixture.ts', "import * as electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);"],
    ['electron/adapters/boundary-fixture.ts', "import electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);"],
  ])('reports raw IPC in %s', async (file, code) => {
    const problems = await boundaryProblems(file, code);
    expect(problems).toEqual([expect.stringMatching(/no-restricted-imports: .*Use the typed contract/)]);
  });

  it.each([
    ['electron/ipc/electron-ipc-adapter.ts', mainSide],
    ['electron/preload.ts', rendererSide],
  ])('allows it in %s', async (file, code) => {
    expect(await boundaryProblems(file, code)).toEqual([]);
  });
});

describe('the renderer has no Node and reaches the bridge only through renderer/src/api', () => {
  it.each([
    ["import fs from 'node:fs';\nexport const f = fs;", /'node:fs' import is restricted/],
    ["import { createHash } from 'crypto';\nexport const h = createHash;", /'crypto' import is restricted/],
    ["import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /'electron' import is restricted/],
    ['export const bridge = window.api;', /no-restricted-properties: 'window.api' is restricted/],
  ])('reports %j in a feature', async (code, expected) => {
    const problems = await boundaryProblems('renderer/src/features/shell/boundary-fixture.tsx', code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('allows window.api in renderer/src/api/', async () => {
    expect(await boundaryProblems('renderer/src/api/boundary-fixture.ts', 'export const bridge = window.api;')).toEqual([]);
  });
});

/**
 * Layer rules (eslint-plugin-boundaries) judge the resolved target of an import, so each fixture imports
 * a real file of the target folder; a relative path is written from the fixture's own folder.
 */
const from = (fixture: string, target: string) => {
  const spec = path.relative(path.dirname(path.join(repoRoot, fixture)), path.join(repoRoot, target)).replace(/\\/g, '/');
  return spec.startsWith('.') ? spec : `./${spec}`;
};
const importing = (fixture: string, target: string) => {
  // An unresolvable import is not judged at all, so an "allowed" case on a vanished file would pass vacuously.
  if (!existsSync(path.join(repoRoot, target))) throw new Error(`fixture target ${target} does not exist`);
  return `import * as target from '${from(fixture, target).replace(/\.tsx?$/, '')}';\nexport const t = target;`;
};

const FEATURE = 'renderer/src/features/browser/boundary-fixture.tsx';
const UI = 'renderer/src/ui/boundary-fixture.tsx';
const API = 'renderer/src/api/boundary-fixture.ts';
const APP = 'renderer/src/app/boundary-fixture.tsx';
const SHARED = 'shared/domain/boundary-fixture.ts';
const EMULATOR = 'emulator/src/boundary-fixture.ts';

describe('layers: which folder may import which', () => {
  it.each([
    [FEATURE, 'electron/services/app/create-app-services.ts', /The renderer runs in the page/],
    [FEATURE, 'emulator/src/cli.ts', /The renderer runs in the page/],
    [APP, 'electron/main.ts', /The renderer runs in the page/],
    [API, 'electron/preload.ts', /The renderer runs in the page/],
    [UI, 'emulator/src/cli.ts', /The renderer runs in the page/],
    ['renderer/test/boundary-fixture.tsx', 'electron/services/app/create-app-services.ts', /Renderer tests run in jsdom/],
    [EMULATOR, 'electron/services/app/create-app-services.ts', /The emulator is a standalone/],
    ['emulator/test/boundary-fixture.ts', 'electron/main.ts', /The emulator is a standalone/],
    [SHARED, 'electron/main.ts', /shared\/ is the pure base/],
    [SHARED, 'emulator/src/cli.ts', /shared\/ is the pure base/],
    [SHARED, 'renderer/src/api/client.ts', /shared\/ is the pure base/],
    [SHARED, 'scripts/electron-binary.ts', /shared\/ is the pure base/],
    ['shared/domain/boundary-fixture.test.ts', 'emulator/src/cli.ts', /shared\/ is the pure base/],
  ])('%s may not import %s', async (fixture, target, expected) => {
    expect(await boundaryProblems(fixture, importing(fixture, target))).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    ["export * from '../../electron/main';", /shared\/ is the pure base/],
    ["export const m = await import('../../emulator/src/cli');", /shared\/ is the pure base/],
    ["import type { AppServices } from '../../electron/services/app/create-app-services';\nexport type A = AppServices;", /shared\/ is the pure base/],
  ])('sees re-exports, dynamic and type-only imports too: %j', async (code, expected) => {
    expect(await boundaryProblems(SHARED, code)).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    [FEATURE, 'shared/domain/library.ts'],
    [FEATURE, 'renderer/src/api/client.ts'],
    [FEATURE, 'renderer/src/ui/Modal.tsx'],
    [APP, 'renderer/src/features/browser/LibraryBrowser.tsx'],
    [EMULATOR, 'shared/domain/library.ts'],
    [SHARED, 'shared/ipc/contract.ts'],
    ['electron/services/boundary-fixture.ts', 'emulator/src/cli.ts'],
    ['renderer/test/boundary-fixture.tsx', 'emulator/src/cli.ts'],
  ])('%s may import %s', async (fixture, target) => {
    expect(await boundaryProblems(fixture, importing(fixture, target))).toEqual([]);
  });
});

describe('features share only through renderer/src/ui and renderer/src/api', () => {
  it.each([
    ['renderer/src/features/profiles/ProfileDialog.tsx', /Features do not import each other \(browser → profiles\)/],
    ['renderer/src/features/shell/AppFrame.tsx', /Features do not import each other \(browser → shell\)/],
    ['renderer/src/features/tags/TagsSection.tsx', /Features do not import each other \(browser → tags\)/],
  ])('a feature may not import %s', async (target, expected) => {
    expect(await boundaryProblems(FEATURE, importing(FEATURE, target))).toEqual([expect.stringMatching(expected)]);
  });

  it('a file deep inside a feature is still that feature, and its own files are free to import each other', async () => {
    const deep = 'renderer/src/features/browser/parts/boundary-fixture.tsx';
    expect(await boundaryProblems(deep, importing(deep, 'renderer/src/features/browser/LibraryBrowser.tsx'))).toEqual([]);
    expect(await boundaryProblems(deep, importing(deep, 'renderer/src/features/uploads/UploadDialog.tsx'))).toEqual([
      expect.stringMatching(/Features do not import each other \(browser → uploads\)/),
    ]);
  });

  it.each([
    [UI, 'renderer/src/features/browser/LibraryBrowser.tsx', /renderer\/src\/ui\/ is shared by every feature/],
    [UI, 'renderer/src/app/App.tsx', /renderer\/src\/ui\/ is shared by every feature/],
    [API, 'renderer/src/features/browser/LibraryBrowser.tsx', /renderer\/src\/api\/ is the bridge/],
    [API, 'renderer/src/ui/Modal.tsx', /renderer\/src\/api\/ is the bridge/],
  ])('%s may not import %s (the shared layers stay below the features)', async (fixture, target, expected) => {
    expect(await boundaryProblems(fixture, importing(fixture, target))).toEqual([expect.stringMatching(expected)]);
  });

  it.each(['shared/ipc/router.ts', 'shared/ipc/index.ts'])('a feature may not import %s (describeIssues has its own module)', async (target) => {
    expect(await boundaryProblems(FEATURE, importing(FEATURE, target))).toEqual([expect.stringMatching(/The router is main-side code/)]);
  });

  it('a feature may import describeIssues from shared/ipc/describe-issues', async () => {
    expect(await boundaryProblems(FEATURE, importing(FEATURE, 'shared/ipc/describe-issues.ts'))).toEqual([]);
  });
});
