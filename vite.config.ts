import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// This file runs in Node (Vite's config), not in the renderer: eslint.config.js lints it as Node code.
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

// One build serves both hosts: Electron loads it from app://, the web host from http://127.0.0.1.
// Relative asset paths ('./') keep it independent of the origin it is served from.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
