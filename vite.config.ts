import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// This file runs in Node (Vite's config), not in the renderer; tsconfig.config.json type-checks it.
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// One build serves both hosts: Electron loads it from app://, the web host from http://127.0.0.1.
// Relative asset paths ('./') keep it independent of the origin it is served from.
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // Radix's scroll lock writes CSS into <style> elements, which the renderer CSP (style-src 'self')
      // refuses; this stand-in applies the same CSS through a constructable stylesheet instead.
      { find: 'react-style-singleton', replacement: fromRoot('./renderer/src/ui/csp/style-singleton.ts') },
      // Every `import … from 'zod'` gets zod already set to jitless (see the file), whichever module
      // loads it first: zod stays out of the first screen's JavaScript and loads with the first schema.
      { find: /^zod$/, replacement: fromRoot('./renderer/src/app/zod-jitless.ts') },
    ],
  },
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    // No source maps in the build: the web host would hold the app's whole source for any local page
    // to fetch (it refuses .map files too). `vite dev` still maps sources while developing.
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // React's runtime (react-dom is ~200 kB minified) and zod (the contract's schemas, ~90 kB) in
        // chunks of their own: they change only on an upgrade, and the app's entry chunk stays under
        // the 500 kB chunk limit (bench/bundle.ts). Tabs other than the Library split off by import().
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
