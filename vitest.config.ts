import { defineConfig } from 'vitest/config';

// Two projects: everything outside the renderer runs in Node; renderer components run in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'emulator/**/*.test.ts', 'electron/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'security/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // electron-store imports `electron`; run it through Vitest so a test's vi.mock('electron') reaches it.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test/support/jsdom-layout.ts'],
        },
      },
    ],
  },
});
