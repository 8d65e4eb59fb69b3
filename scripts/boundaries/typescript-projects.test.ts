import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The root tsconfig.json is a solution: `tsc -b` checks the projects it references. These tests hold
 * its shape: every TypeScript file of the repo is in exactly one project (nothing escapes the check,
 * nothing is checked twice), and the folders everyone builds on are composite so their dependants
 * read declarations instead of checking the same sources again.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const skipDirs = new Set(['node_modules', 'dist', 'out', '.tsbuild', '.git', 'test-results', 'playwright-report', '.data', 'coverage']);

function parse(configFile: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return parsed;
}

const solution = parse(path.join(repoRoot, 'tsconfig.json'));
const projects = (solution.projectReferences ?? []).map((ref) => {
  const file = ts.resolveProjectReferencePath(ref);
  return { name: path.relative(repoRoot, file), config: parse(file) };
});

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return skipDirs.has(entry.name) ? [] : typeScriptFiles(path.join(dir, entry.name));
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path.join(dir, entry.name)] : [];
  });
}

describe('the root tsconfig.json solution', () => {
  it('has no files of its own: it only lists projects', () => {
    expect(solution.fileNames).toEqual([]);
    expect(projects.length).toBeGreaterThan(5);
  });

  it('puts every TypeScript file of the repo in exactly one project', () => {
    const owners = new Map<string, string[]>();
    for (const { name, config } of projects) {
      for (const file of config.fileNames) owners.set(path.normalize(file), [...(owners.get(path.normalize(file)) ?? []), name]);
    }
    const rel = (f: string) => path.relative(repoRoot, f);
    const all = typeScriptFiles(repoRoot).map(path.normalize);
    expect(all.filter((f) => !owners.has(f)).map(rel), 'files no project checks').toEqual([]);
    expect([...owners].filter(([, names]) => names.length > 1).map(([f, names]) => `${rel(f)}: ${names.join(', ')}`), 'files checked twice').toEqual([]);
  });

  it('checks the root Vite, Vitest and Playwright configs', () => {
    const configs = projects.flatMap((p) => p.config.fileNames).map((f) => path.relative(repoRoot, f));
    expect(configs).toEqual(expect.arrayContaining(['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts']));
  });

  it('makes shared/ composite and has every project that imports it reference it', () => {
    const shared = projects.find((p) => p.name === path.join('shared', 'tsconfig.json'));
    expect(shared?.config.options.composite).toBe(true);
    const importers = projects.filter((p) => p !== shared && p.name !== 'tsconfig.config.json');
    for (const { name, config } of importers) {
      const refs = (config.projectReferences ?? []).map((r) => path.relative(repoRoot, ts.resolveProjectReferencePath(r)));
      expect(refs, `${name} references shared/`).toContain(path.join('shared', 'tsconfig.json'));
    }
  });

  it('writes build info and declarations only under the gitignored .tsbuild/', () => {
    for (const { name, config } of projects) {
      const outputs = [config.options.tsBuildInfoFile, config.options.outDir].filter((f): f is string => f !== undefined);
      expect(outputs.length, `${name} names its build info file`).toBeGreaterThan(0);
      for (const out of outputs) expect(path.relative(repoRoot, out), name).toMatch(/^\.tsbuild[\\/]/);
      expect(config.options.composite || config.options.noEmit, `${name} emits only declarations or nothing`).toBe(true);
    }
  });
});
