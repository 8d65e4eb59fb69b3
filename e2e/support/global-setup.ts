import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './processes';

/** Newest modification time of any file under `dir` (skipping nothing: these trees are small). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The web host serves dist/renderer. `npm test` builds it first; when the e2e suite is run on its
 * own (`npx playwright test`) a missing or stale build would test old code, so rebuild then.
 */
export default function globalSetup(): void {
  const built = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  const sources = [path.join(repoRoot, 'renderer'), path.join(repoRoot, 'shared')];
  const stale = !existsSync(built) || sources.some((dir) => newestUnder(dir) > statSync(built).mtimeMs);
  if (stale) execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
