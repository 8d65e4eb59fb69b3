import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed contract: electron/ipc/ (main) or electron/preload.ts (renderer bridge).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    // shared/ is pure: no Node, no Electron, no DOM.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom'],
        patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'child_process'], message: 'shared/ must stay pure TypeScript.' }],
      }],
    },
  },
  {
    // Services hold logic and are unit-tested in Node: they never import electron.
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/adapters, electron/ipc, main.ts and preload.ts touch Electron.' }] }],
    },
  },
  {
    // The two places allowed to use raw IPC.
    files: ['electron/ipc/electron-ipc-adapter.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ group: ['node:*'], message: 'The renderer has no Node.' }] }],
    },
  },
);
