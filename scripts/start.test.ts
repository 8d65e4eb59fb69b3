import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

/**
 * `npm start` on a machine where Electron cannot be fetched (as on CI): one plain line says so,
 * then the web host serves the real renderer build and the contract answers over its WebSocket.
 * ELECTRON_MIRROR points the download at a closed loopback port, so the outcome does not depend
 * on whether this machine happens to be online.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function startNpmStart(dataDir: string): Promise<{ lines: string[]; url: string }> {
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_CUSTOM_DIR: 'none', MEDIADESK_KEYCHAIN: 'off', FORCE_COLOR: '0' },
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let log = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no ready line within 90 s:\n${log}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk;
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      const ready = lines.find((l) => l.startsWith('web ready url='));
      if (ready) {
        clearTimeout(timer);
        resolve({ lines, url: ready.slice('web ready url='.length) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk));
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${log}`)));
  });
}

describe('npm start without Electron', () => {
  it('says Electron cannot be fetched in one line, then serves the working web UI', async () => {
    expect(existsSync(path.join(repoRoot, 'node_modules', 'electron', 'path.txt')), 'this test is for machines without the Electron binary').toBe(false);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-start-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const { lines, url } = await startNpmStart(dataDir);
    const notice = lines.filter((l) => /can't be fetched/.test(l));
    expect(notice).toEqual(["Electron can't be fetched on this machine, so MediaDesk runs in your browser instead."]);
    expect(lines.indexOf(notice[0])).toBeLessThan(lines.findIndex((l) => l.startsWith('web ready')));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    const script = html.match(/<script[^>]+src="\.?\/?([^"]+\.js)"/)?.[1];
    expect(script, 'the page loads the built renderer bundle').toBeTruthy();
    expect((await fetch(new URL(script!, url))).status).toBe(200);

    const { port } = new URL(url);
    const token = new URL(url).hash.replace('#token=', '');
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    cleanups.push(async () => ws.close());
    const reply = await new Promise<unknown>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'profiles.list' })));
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.t === 'res') resolve(frame.result);
      });
    });
    expect(reply).toMatchObject({ ok: true, data: [{ id: 'local', name: 'Local library', active: true }] });
  });
});
