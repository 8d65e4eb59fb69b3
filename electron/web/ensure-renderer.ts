import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The environment a renderer build runs in. A host started from a test inherits NODE_ENV=test (Vitest
 * sets it), under which Vite bundles React's development build; the build served or packaged is
 * always the production one.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production' };
}

export type RendererCheck = { ok: true; built: boolean } | { ok: false; message: string };

/**
 * The web host serves a built renderer; without one the page would only say "not built" after the
 * host had claimed to be ready. A missing or empty folder is built here (`vite build` into it); a
 * folder that holds other files is never emptied, so the host refuses and says what to run.
 */
export function ensureRendererBuilt(rendererDir: string, repoRoot: string, say: (line: string) => void): RendererCheck {
  if (existsSync(path.join(rendererDir, 'index.html'))) return { ok: true, built: false };
  if (existsSync(rendererDir) && readdirSync(rendererDir).length > 0) {
    return { ok: false, message: `the renderer is not built: ${rendererDir} has no index.html. Run \`npm run build\` (or point --renderer at a built folder).` };
  }
  say(`The renderer is not built yet; building it into ${rendererDir} (npm run build)…`);
  const result = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', rendererDir, '--emptyOutDir'], {
    cwd: repoRoot,
    stdio: ['ignore', 2, 2],
    env: productionEnv(),
  });
  if (result.status !== 0 || !existsSync(path.join(rendererDir, 'index.html'))) {
    return { ok: false, message: 'could not build the renderer; see the errors above, fix them and run `npm run build`.' };
  }
  return { ok: true, built: true };
}
