import { defineConfig } from 'vitest/config';

// Two projects: everything outside the renderer runs in Node; renderer components run in jsdom.
export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core runner. Most files
    // wait on real HTTP, child processes, ffmpeg and SQLite rather than compute, so two workers keep both
    // cores busy (measured on 2 cores: 420 s → 299 s for the whole run, 1.1 → 1.7 cores in use).
    maxWorkers: 2,
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
