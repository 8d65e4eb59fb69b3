import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { repoRoot, startScript } from './support/processes';

/** `npm run web` as a person runs it, with its renderer folder chosen by the test. */
const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `mediadesk-e2e-${prefix}-`));

test('npm run web builds a missing renderer before it prints "web ready", and the page then loads', async ({ page }) => {
  test.slow(); // a full Vite build on a shared 2-core machine
  const dir = tmp('cli');
  const rendererDir = path.join(dir, 'renderer');
  const { proc, line, lines } = await startScript(
    'web',
    ['--port', '0', '--data', path.join(dir, 'data'), '--renderer', rendererDir, '--no-keychain'],
    /^web ready url=(\S+)/,
    150_000,
  );
  try {
    expect(lines.join('\n')).toContain(`The renderer is not built yet; building it into ${rendererDir}`);
    expect(existsSync(path.join(rendererDir, 'index.html'))).toBe(true);
    await page.goto(/^web ready url=(\S+)/.exec(line)![1]!);
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('tablist', { name: 'Views' })).toBeVisible();
  } finally {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run web refuses a renderer folder that holds other files, says what to run, and never prints "web ready"', async () => {
  const dir = tmp('cli-refuse');
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'notes.txt'), 'not a build');
  try {
    const child = spawn('npm', ['run', '--silent', 'web', '--', '--port', '0', '--data', path.join(dir, 'data'), '--renderer', rendererDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(out).toContain(`the renderer is not built: ${rendererDir} has no index.html. Run \`npm run build\``);
    expect(out).not.toContain('web ready');
    expect(existsSync(path.join(rendererDir, 'notes.txt')), 'the folder was left as it was').toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
