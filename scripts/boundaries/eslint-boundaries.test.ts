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
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties']);

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
