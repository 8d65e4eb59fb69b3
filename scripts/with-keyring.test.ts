import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/with-keyring.sh on a machine without the keyring packages: the wrapped command must still
 * run (so `npm test` runs every suite), with MEDIADESK_KEYRING_SKIP saying why the keychain tests
 * skip, and its exit status must come through. "Without the packages" is made real by running the
 * script with a PATH that holds every program of this machine except dbus-run-session and
 * gnome-keyring-daemon.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wrapper = path.join(repoRoot, 'scripts', 'with-keyring.sh');
const keyringTools = ['dbus-run-session', 'gnome-keyring-daemon'];
const onPath = (name: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, name)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(wrapper, command, { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A directory of links to every program on PATH except `left out` (first one on PATH wins, as in a shell). */
async function pathWithout(leftOut: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-path-'));
  const taken = new Set(leftOut);
  for (const source of (process.env.PATH ?? '').split(path.delimiter)) {
    const names = await readdir(source).catch(() => [] as string[]);
    for (const name of names) {
      if (taken.has(name)) continue;
      taken.add(name);
      await symlink(path.join(source, name), path.join(dir, name));
    }
  }
  return dir;
}

// Prints what the wrapped command sees, then exits with a status of its own.
const probe = ['sh', '-c', 'printf "%s\\n" "keyring=${MEDIADESK_KEYRING:-}" "skip=${MEDIADESK_KEYRING_SKIP:-}" "bus=${DBUS_SESSION_BUS_ADDRESS:-}"; exit 7'];
const seen = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));

const made: string[] = [];
let bareBin: string;
beforeAll(async () => {
  bareBin = await pathWithout(keyringTools);
  made.push(bareBin);
});
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('scripts/with-keyring.sh without the keyring packages', () => {
  it('really hides the keyring programs from the PATH it runs with', () => {
    for (const tool of keyringTools) expect(existsSync(path.join(bareBin, tool))).toBe(false);
    expect(existsSync(path.join(bareBin, 'sh'))).toBe(true);
  });

  it('still runs the command, passes its exit status on, and says why the keychain tests skip', async () => {
    const result = await run(probe, { ...process.env, PATH: bareBin, MEDIADESK_KEYRING: '1', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/0/bus' });
    expect(result.code).toBe(7);
    const env = seen(result.stdout);
    expect(env.keyring, 'an inherited MEDIADESK_KEYRING=1 must not claim a keychain').toBe('');
    expect(env.skip).toMatch(/^no Secret Service: dbus-run-session is not installed \(.*apt-get install gnome-keyring dbus-x11\)$/);
    expect(result.stderr).toMatch(/with-keyring: dbus-run-session is not installed, so the keychain tests skip/);
  });

  it("points the session bus at nothing, so no test reaches the user's own keychain", async () => {
    const result = await run(probe, { ...process.env, PATH: bareBin, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/0/bus' });
    expect(seen(result.stdout).bus).toMatch(/^unix:path=.*\/no-session-bus$/);
  });

  // These two need dbus-run-session itself; without it the case above is the one that applies.
  it.skipIf(!onPath('dbus-run-session'))('names gnome-keyring-daemon when only that one is missing', async () => {
    const bin = await pathWithout(['gnome-keyring-daemon']);
    made.push(bin);
    const result = await run(probe, { ...process.env, PATH: bin });
    expect(result.code).toBe(7);
    expect(seen(result.stdout).skip).toMatch(/^no Secret Service: gnome-keyring-daemon is not installed/);
  });

  it.skipIf(!onPath('dbus-run-session'))('falls back the same way when gnome-keyring-daemon is there but cannot start', async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-broken-keyring-'));
    made.push(broken);
    await writeFile(path.join(broken, 'gnome-keyring-daemon'), '#!/bin/sh\necho "cannot start" >&2\nexit 1\n');
    await chmod(path.join(broken, 'gnome-keyring-daemon'), 0o755);
    const result = await run(probe, { ...process.env, PATH: `${broken}${path.delimiter}${process.env.PATH}` });
    expect(result.code).toBe(7);
    const env = seen(result.stdout);
    expect(env.keyring).toBe('');
    expect(env.skip).toMatch(/^no Secret Service: gnome-keyring-daemon could not start one/);
  });

  it('makes the keychain integration tests skip with that reason while the rest of the file runs', async () => {
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-keychain-report-'));
    made.push(reportDir);
    const report = path.join(reportDir, 'vitest.json');
    const vitest = path.join(repoRoot, 'node_modules', '.bin', 'vitest');
    const args = [vitest, 'run', 'electron/test/services/keychain.integration.test.ts', '--reporter=json', `--outputFile=${report}`];
    const result = await run(args, { ...process.env, PATH: bareBin, MEDIADESK_KEYRING: '1' });
    expect(result.code, result.stderr).toBe(0);
    const tests = JSON.parse(await readFile(report, 'utf8')).testResults.flatMap(
      (file: { assertionResults: { ancestorTitles: string[]; status: string }[] }) => file.assertionResults,
    );
    const keychain = tests.filter((t: { ancestorTitles: string[] }) => t.ancestorTitles[0].startsWith('OS keychain ('));
    expect(keychain.length).toBeGreaterThan(0);
    for (const test of keychain) {
      expect(test.status).toBe('skipped');
      expect(test.ancestorTitles[0]).toMatch(/^OS keychain \(skipped: no Secret Service: dbus-run-session is not installed/);
    }
    // The no-keychain behaviour is tested for real there: the probe finds no Secret Service on the dead bus.
    expect(tests.filter((t: { ancestorTitles: string[] }) => t.ancestorTitles[0] === 'OS keychain absent').map((t: { status: string }) => t.status)).toEqual(['passed']);
  }, 120_000);
});

describe('scripts/with-keyring.sh with the keyring packages', () => {
  it.skipIf(!keyringTools.every(onPath))('runs the command in a private gnome-keyring session and says so', async () => {
    const result = await run(probe, { ...process.env, MEDIADESK_KEYRING_SKIP: 'stale' });
    expect(result.code).toBe(7);
    const env = seen(result.stdout);
    expect(env.keyring).toBe('1');
    expect(env.skip).toBe('');
    expect(env.bus).not.toMatch(/no-session-bus/);
  });
});
