import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ImageKit from '@imagekit/nodejs';
import { spawnCli, spawnNpmEmulator, stopGroup, type CliEmulator } from '../helpers/cli.js';
import { localServer, pngBytes } from '../helpers/fixtures.js';
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

  it('uses IK_EMULATOR_PRIVATE_KEY / IK_EMULATOR_PUBLIC_KEY for the run without writing them, and honours --id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-env-'));
    const cli = await spawnCli(['--port', '0', '--data', dir, '--id', 'env_id'], { IK_EMULATOR_PRIVATE_KEY: 'private_from_env', IK_EMULATOR_PUBLIC_KEY: 'public_from_env' });
    try {
      expect(cli.urlEndpoint).toBe(`${cli.apiUrl}/env_id`);
      expect(cli.stdout()).not.toMatch(/privateKey=/);
      const sdk = new ImageKit({ privateKey: 'private_from_env', baseURL: cli.apiUrl, maxRetries: 0 });
      expect(await sdk.assets.list({})).toEqual([]);
      await expect(readFile(path.join(dir, 'keys.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a loopback remote URL unless started with --allow-private-urls', async () => {
    const png = await pngBytes(8, 8);
    const source = await localServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const upload = (cli: CliEmulator) =>
      new ImageKit({ privateKey: 'private_cli_net', baseURL: cli.apiUrl, maxRetries: 0 }).files.upload({ file: `${source.url}/a.png`, fileName: 'a.png' });
    const dirs = [await mkdtemp(path.join(os.tmpdir(), 'ik-net-')), await mkdtemp(path.join(os.tmpdir(), 'ik-net-'))];
    const keys = ['--private-key', 'private_cli_net', '--public-key', 'public_cli_net'];
    const strict = await spawnCli(['--port', '0', '--data', dirs[0], ...keys]);
    const open = await spawnCli(['--port', '0', '--data', dirs[1], ...keys, '--allow-private-urls']);
    try {
      await expect(upload(strict)).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining('The URL points to a private address (127.0.0.1, loopback)') } });
      expect(source.requests).toEqual([]);
      expect((await upload(open)).size).toBe(png.length);
    } finally {
      for (const cli of [strict, open]) cli.child.kill('SIGTERM');
      await Promise.all([strict.exited, open.exited]);
      await source.close();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad arguments', async () => {
    await expect(spawnCli(['--port', 'abc', '--data', dataDir])).rejects.toThrow(/--port must be/);
  });
});

describe('key resolution', () => {
  const saved = process.env.IMAGEKIT_PRIVATE_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.IMAGEKIT_PRIVATE_KEY;
    else process.env.IMAGEKIT_PRIVATE_KEY = saved;
  });

  it('uses given keys for the run only, else the stored generated pair; never the SDK variable', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-keys-'));
    try {
      process.env.IMAGEKIT_PRIVATE_KEY = 'private_sdk_env_key_never_used';
      const generated = await resolveKeys(dir);
      expect(generated).toMatchObject({ generated: true, privateKey: expect.stringMatching(/^private_/), publicKey: expect.stringMatching(/^public_/) });
      expect(generated.privateKey).not.toBe('private_sdk_env_key_never_used');
      expect(await resolveKeys(dir)).toEqual({ ...generated, generated: false });
      expect(await resolveKeys(dir, 'private_opt', 'public_opt')).toEqual({ privateKey: 'private_opt', publicKey: 'public_opt', generated: false });
      expect(await resolveKeys(dir, 'private_opt')).toMatchObject({ privateKey: 'private_opt', publicKey: generated.publicKey });
      expect(await resolveKeys(dir, '', '')).toEqual({ ...generated, generated: false }); // empty counts as unset
      const onDisk = await readFile(path.join(dir, 'keys.json'), 'utf8');
      expect(JSON.parse(onDisk)).toEqual({ privateKey: generated.privateKey, publicKey: generated.publicKey });
      expect(onDisk).not.toMatch(/_opt|sdk_env/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('replaces a stored pair that holds the SDK variable\'s key, or any key it did not generate', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-keys-'));
    const file = path.join(dir, 'keys.json');
    try {
      // What older versions wrote when IMAGEKIT_PRIVATE_KEY was set: that key, in clear.
      const adopted = `private_${'A'.repeat(24)}=`;
      process.env.IMAGEKIT_PRIVATE_KEY = adopted;
      await writeFile(file, JSON.stringify({ privateKey: adopted, publicKey: `public_${'B'.repeat(24)}=` }));
      const replaced = await resolveKeys(dir);
      expect(replaced.generated).toBe(true);
      expect(replaced.privateKey).not.toBe(adopted);
      expect(await readFile(file, 'utf8')).not.toContain(adopted);

      delete process.env.IMAGEKIT_PRIVATE_KEY;
      await writeFile(file, JSON.stringify({ privateKey: 'private_lRJhGtv7o5H7Tkvbv9kGNK4nUyE=', publicKey: 'public_x' }));
      const again = await resolveKeys(dir);
      expect(again.generated).toBe(true);
      expect(await readFile(file, 'utf8')).not.toContain('lRJhGtv7o5H7Tkvbv9kGNK4nUyE');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
