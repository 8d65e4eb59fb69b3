import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { layerElements, layerPolicies } from './eslint.layers.js';

const rawIpc = {
  name: 'electron',
  // The default import is included because `electron.ipcMain` would otherwise slip past the named check.
  importNames: ['ipcMain', 'ipcRenderer', 'default'],
  message: 'Use the typed contract: electron/ipc/ (main) or electron/preload.ts (renderer bridge).',
};

// electron-store imports electron at load, so it is an Electron adapter: services get the settings port.
const electronStore = {
  name: 'electron-store',
  message: 'electron-store loads electron: open it only in electron/adapters/ (services use the SettingsStore port of electron/services/settings/).',
};
const noDynamicElectronStore = { selector: "ImportExpression[source.value='electron-store']", message: electronStore.message };

/**
 * Node's built-in modules by exact name ('fs', 'fs/promises', …). Exact `paths` rather than gitignore
 * patterns: a pattern 'url' would also match our own '../url/parse' and 'crypto' a './crypto/' folder.
 */
const nodeBuiltins = (message) => builtinModules.filter((name) => !name.startsWith('node:')).map((name) => ({ name, message }));
const nodePrefixed = (message) => ({ group: ['node:*'], message });

// Dynamic imports are invisible to no-restricted-imports; these keep the boundaries closed for them too.
const noDynamicElectron = {
  selector: "ImportExpression[source.value='electron']",
  message: 'Import electron statically, and only in electron/main.ts, electron/preload.ts, electron/ipc/ or electron/adapters/.',
};
const noDynamicNode = {
  selector: 'ImportExpression[source.value=/^node:/]',
  message: 'shared/ must stay pure TypeScript.',
};
const noRequire = { selector: "CallExpression[callee.name='require']", message: 'shared/ must stay pure TypeScript.' };

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const PURE = 'shared/ must stay pure TypeScript: no Node, no Electron, no DOM.';
const RENDERER = 'The renderer has no Node: ask the main side through renderer/src/api/.';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tsbuild/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [rawIpc, electronStore] }],
      'no-restricted-syntax': ['error', noDynamicElectron, noDynamicElectronStore],
    },
  },
  {
    // Which folder may import which, checked on the resolved path of every import, export and import().
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': repoRoot,
      'boundaries/elements': layerElements,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: layerPolicies }],
    },
  },
  {
    // shared/ is pure: no Node, no Electron, no DOM (tsconfig enforces the types, this the imports).
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'electron-store', 'react', 'react-dom'].map((name) => ({ name, message: PURE })).concat(nodeBuiltins(PURE)),
        patterns: [nodePrefixed(PURE)],
      }],
      'no-restricted-syntax': ['error', noDynamicElectron, noDynamicElectronStore, noDynamicNode, noRequire],
    },
  },
  {
    // Services hold logic and are unit-tested in Node: they never import electron.
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/adapters, electron/ipc, main.ts and preload.ts touch Electron.' }, electronStore] }],
    },
  },
  {
    // Adapters are where Electron-bound libraries live: electron-store is opened here.
    files: ['electron/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
      'no-restricted-syntax': ['error', noDynamicElectron],
    },
  },
  {
    // The two places allowed to use raw IPC.
    files: ['electron/ipc/electron-ipc-adapter.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronStore] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: RENDERER }, { name: 'electron-store', message: RENDERER }, ...nodeBuiltins(RENDERER)],
        patterns: [nodePrefixed(RENDERER)],
      }],
    },
  },
  {
    // Only renderer/src/api/ touches the bridge; components and stores go through its hooks.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Use the hooks in renderer/src/api/; only that folder touches window.api.' }],
    },
  },
);
