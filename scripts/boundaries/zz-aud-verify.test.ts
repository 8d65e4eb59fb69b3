import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The per-folder tsconfigs really hide the globals a folder must not use: a snippet is type-checked
 * as a file of that folder, in one program with every real file of the folder (so a dependency that
 * drags in @types/node would show here). The snippet is served from memory; nothing is written.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function loadConfig(folder: string): ts.ParsedCommandLine {
  const configFile = path.join(repoRoot, folder, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return parsed;
}

interface Checked {
  /** Errors reported in each snippet, in the order given. */
  errors: string[][];
  program: ts.Program;
}

/**
 * Type-checks each snippet as `<fixtureDir>/boundary-fixture-<i>.ts` under `<folder>/tsconfig.json`,
 * all in one program (building a program per snippet would take seconds each).
 */
function check(folder: string, fixtureDir: string, snippets: string[]): Checked {
  const config = loadConfig(folder);
  const fixtures = new Map(snippets.map((code, i) => [path.join(repoRoot, fixtureDir, `boundary-fixture-${i}.ts`), code]));
  if (folder === 'renderer') config.options.paths = { papaparse: ['/tmp/aud/papaparse-shim.d.ts'] };
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const code = fixtures.get(file);
    return code === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, code, language);
  };
  host.fileExists = (file) => fixtures.has(file) || fileExists(file);
  // Real files that vanish mid-run (others edit the repo concurrently) must not break this check.
  const rootNames = [...config.fileNames.filter((f) => ts.sys.fileExists(f)), ...fixtures.keys()];
  const program = ts.createProgram({ rootNames, options: config.options, host });
  const errors = [...fixtures.keys()].map((file) => {
    const source = program.getSourceFile(file);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
  });
  return { errors, program };
}

/** Which files of the program pulled in @types/node (by an import or a `/// <reference types="node" />`). */
function nodeTypesIncludedBy(program: ts.Program): string[] {
  const culprits = program
    .getSourceFiles()
    // undici-types is loaded by @types/node itself; what matters is who asked for Node first.
    .filter((f) => !/\/(@types\/node|undici-types)\//.test(f.fileName) && f.typeReferenceDirectives.some((r) => r.fileName === 'node'))
    .map((f) => path.relative(repoRoot, f.fileName));
  const direct = program.getSourceFiles().filter((f) => f.fileName.includes('/@types/node/'));
  return direct.length === 0 ? [] : culprits.length ? culprits : ['(a file importing node: modules)'];
}

const loads = (program: ts.Program, pattern: RegExp) => program.getSourceFiles().some((f) => pattern.test(f.fileName.replace(/\\/g, '/')));
const DOM_LIB = /\/lib\.dom\.d\.ts$/;

const sharedCases: [string, string, RegExp][] = [
  ['process', 'export const home = process.env.HOME;', /TS2591 Cannot find name 'process'/],
  ['Buffer', "export const bytes = Buffer.from('x');", /TS2591 Cannot find name 'Buffer'/],
  ['document', 'export const title = document.title;', /TS2584 Cannot find name 'document'/],
  ['window', 'export const href = window.location.href;', /TS2304 Cannot find name 'window'/],
  ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", /TS2307 Cannot find module 'node:fs'/],
];
const sharedClean = "import { z } from 'zod';\nexport const Name = z.string().min(1);";

describe('shared/ sees no Node or DOM types', () => {
  let checked: Checked;
  beforeAll(() => {
    checked = check('shared', 'shared/domain', [sharedClean, ...sharedCases.map(([, code]) => code)]);
  });

  it.each(sharedCases.map(([name, , expected], i) => [name, i + 1, expected] as const))('using %s fails the typecheck', (_name, index, expected) => {
    expect(checked.errors[index]).toEqual([expect.stringMatching(expected)]);
  });

  it('compiles plain TypeScript and zod, and the folder loads neither @types/node nor the DOM lib', () => {
    expect(checked.errors[0]).toEqual([]);
    expect(nodeTypesIncludedBy(checked.program), 'these files bring Node types into shared/').toEqual([]);
    expect(loads(checked.program, DOM_LIB)).toBe(false);
  });
});

const rendererCases: [string, string, RegExp][] = [
  ['process', 'export const env = process.env.NODE_ENV;', /TS2591 Cannot find name 'process'/],
  ['Buffer', "export const bytes = Buffer.from('x');", /TS2591 Cannot find name 'Buffer'/],
  ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", /TS2307 Cannot find module 'node:fs'/],
];
const rendererClean = 'export const title = document.title + window.location.href + import.meta.env.MODE;';

describe('renderer/ has the DOM but no Node types', () => {
  let checked: Checked;
  beforeAll(() => {
    checked = check('renderer', 'renderer/src/features/shell', [rendererClean, ...rendererCases.map(([, code]) => code)]);
  });

  it('does not load @types/node anywhere in the folder (tests included)', () => {
    expect(nodeTypesIncludedBy(checked.program), 'these files bring Node types into the renderer').toEqual([]);
  });

  it.each(rendererCases.map(([name, , expected], i) => [name, i + 1, expected] as const))('using %s fails the typecheck', (_name, index, expected) => {
    expect(checked.errors[index]).toEqual([expect.stringMatching(expected)]);
  });

  it('compiles DOM code', () => {
    expect(checked.errors[0]).toEqual([]);
    expect(loads(checked.program, DOM_LIB)).toBe(true);
  });
});
