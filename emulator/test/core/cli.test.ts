import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ImageKit from '@imagekit/nodejs';
import { spawnCli, spawnNpmEmulator, stopGroup } from '../helpers/cli.js';
import { resolveKeys } from '../../src/store/keys.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('emulator CLI', () => {
  it('generates and keeps a key pair, prints one ready line, stops cleanly on SIGTERM', async () => {
    const first = await spawnCli(['--port', '0', '--data', dataDir, '--id', 'demo']);
    const printed = /privateKey=(private_\S+)\s+publicKey=(public_\S+)/.exec(first.stdout());
    expect(printed).not.toBeNull();
    const readyLines = first.stdout().split('\n').filter((l) => l.startsWith('emulator ready'));
    expect(readyLines).toHaveLength(1);
    expect(readyLines[0]).toMatch(/^emulator ready api=http:\/\/127\.0\.0\.1:\d+ urlEndpoint=http:\/\/127\.0\.0\.1:\d+\/demo$/);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'keys.json'), 'utf8')) as { privateKey: string };
    expect(stored.privateKey).toBe(printed![1]);

    const sdk = new ImageKit({ privateKey: printed![1], baseURL: first.apiUrl, maxRetries: 0 });
    await sdk.folders.create({ folderName: 'kept', parentFolderPath: '/' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = await spawnCli(['--port', '0', '--data', dataDir]);
    expect(second.stdout()).not.toMatch(/privateKey=/);
    expect(second.urlEndpoint).toBe(`${second.apiUrl}/local`);
    const again = new ImageKit({ privateKey: printed![1], baseURL: second.apiUrl, maxRetries: 0 });
    expect((await again.assets.list({ type: 'folder' })).map((f) => (f as { name: string }).name)).toEqual(['kept']);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  });

  it('`npm run emulator -- --port 0 --data <dir>` prints the ready line and serves the SDK with the keys it was given', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-npm-'));
    const cli = await spawnNpmEmulator(['--port', '0', '--data', dir, '--private-key', 'private_npm_cli', '--public-key', 'public_npm_cli', '--host', '127.0.0.1']);
    try {
      const ready = cli.stdout().split('\n').filter((l) => l.startsWith('emulator ready'));
      expect(ready).toHaveLength(1);
      expect(ready[0]).toMatch(/^emulator ready api=http:\/\/127\.0\.0\.1:[1-9]\d* urlEndpoint=http:\/\/127\.0\.0\.1:[1-9]\d*\/local$/);
      expect(cli.urlEndpoint).toBe(`${cli.apiUrl}/local`);
      expect(cli.stdout()).not.toMatch(/privateKey=/); // keys were given, none generated
      const sdk = new ImageKit({ privateKey: 'private_npm_cli', baseURL: cli.apiUrl, maxRetries: 0 });
      await sdk.folders.create({ folderName: 'via-npm', parentFolderPath: '/' });
      expect((await sdk.assets.list({ type: 'folder' })).map((f) => (f as { name: string }).name)).toEqual(['via-npm']);
      const wrong = new ImageKit({ privateKey: 'private_other', baseURL: cli.apiUrl, maxRetries: 0 });
      await expect(wrong.assets.list({})).rejects.toMatchObject({ status: 403, error: { message: 'Your account cannot be authenticated.' } });
    } finally {
      stopGroup(cli);
      await cli.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes its keys from IMAGEKIT_PRIVATE_KEY / IMAGEKIT_PUBLIC_KEY and honours --id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-env-'));
    const cli = await spawnCli(['--port', '0', '--data', dir, '--id', 'env_id'], { IMAGEKIT_PRIVATE_KEY: 'private_from_env', IMAGEKIT_PUBLIC_KEY: 'public_from_env' });
    try {
      expect(cli.urlEndpoint).toBe(`${cli.apiUrl}/env_id`);
      const sdk = new ImageKit({ privateKey: 'private_from_env', baseURL: cli.apiUrl, maxRetries: 0 });
      expect(await sdk.assets.list({})).toEqual([]);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad arguments', async () => {
    await expect(spawnCli(['--port', 'abc', '--data', dataDir])).rejects.toThrow(/--port must be/);
  });
});

describe('key resolution', () => {
  it('prefers options, then env, then the stored pair; empty env counts as unset', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-keys-'));
    const saved = { priv: process.env.IMAGEKIT_PRIVATE_KEY, pub: process.env.IMAGEKIT_PUBLIC_KEY };
    try {
      process.env.IMAGEKIT_PRIVATE_KEY = '';
      process.env.IMAGEKIT_PUBLIC_KEY = '';
      const generated = await resolveKeys(dir);
      expect(generated).toMatchObject({ generated: true, privateKey: expect.stringMatching(/^private_/), publicKey: expect.stringMatching(/^public_/) });
      expect(await resolveKeys(dir)).toEqual({ ...generated, generated: false });
      process.env.IMAGEKIT_PRIVATE_KEY = 'private_env';
      process.env.IMAGEKIT_PUBLIC_KEY = 'public_env';
      expect(await resolveKeys(dir)).toMatchObject({ privateKey: 'private_env', publicKey: 'public_env' });
      expect(await resolveKeys(dir, 'private_opt', 'public_opt')).toMatchObject({ privateKey: 'private_opt', publicKey: 'public_opt' });
    } finally {
      process.env.IMAGEKIT_PRIVATE_KEY = saved.priv ?? '';
      process.env.IMAGEKIT_PUBLIC_KEY = saved.pub ?? '';
      if (saved.priv === undefined) delete process.env.IMAGEKIT_PRIVATE_KEY;
      if (saved.pub === undefined) delete process.env.IMAGEKIT_PUBLIC_KEY;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
