import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from '../../../emulator/test/helpers/files-containing.js';
import { startHostProcess, stopHostProcess, type HostProcess } from '../upload-area/web-host-process';

/**
 * The app's Local library, started the way the browser build starts it (the real web host process,
 * which runs the emulator in-process), with the official SDK's IMAGEKIT_PRIVATE_KEY set to a real-
 * looking key: the Local library must generate its own key, refuse the environment's, and write
 * that key to no file of the app's data dir.
 */
let root: string;
let dataDir: string;
let host: HostProcess;
const realKey = `private_realkey${randomBytes(15).toString('base64').slice(0, 20)}=`;
const realPublic = `public_real${randomBytes(15).toString('base64').slice(0, 24)}=`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-env-key-'));
  dataDir = path.join(root, 'data');
  host = await startHostProcess(dataDir, { IMAGEKIT_PRIVATE_KEY: realKey, IMAGEKIT_PUBLIC_KEY: realPublic });
}, 90_000);

afterAll(async () => {
  await stopHostProcess(host);
  if (root) await rm(root, { recursive: true, force: true });
});

async function localApiStatus(key: string): Promise<number> {
  const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { profiles: { kind: string; urlEndpoint: string }[] };
  const origin = new URL(settings.profiles.find((p) => p.kind === 'local')!.urlEndpoint).origin;
  const res = await fetch(`${origin}/v1/files`, { headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` } });
  await res.arrayBuffer();
  return res.status;
}

describe('the Local library with IMAGEKIT_PRIVATE_KEY in the environment', () => {
  it('refuses that key and answers only its own generated one', async () => {
    const own = (JSON.parse(await readFile(path.join(dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string }).privateKey;
    expect(own).toMatch(/^private_/);
    expect(own).not.toBe(realKey);
    expect(await localApiStatus(realKey)).toBe(403);
    expect(await localApiStatus(own)).toBe(200);
  });

  it('writes the key to no file of the data dir, while running and after it stops', async () => {
    expect(await filesContaining(dataDir, realKey)).toEqual([]);
    host.child.kill('SIGTERM');
    await host.exited;
    expect(await filesContaining(dataDir, realKey)).toEqual([]);
    expect(await filesContaining(dataDir, realPublic)).toEqual([]);
    expect(host.output()).not.toContain(realKey);
  });
});
