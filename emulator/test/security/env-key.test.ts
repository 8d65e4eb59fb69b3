import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files-containing.js';
import { spawnCli, type CliEmulator } from '../helpers/cli.js';

/**
 * The official SDK reads IMAGEKIT_PRIVATE_KEY, so a developer's shell often holds a real account's
 * key there. The emulator, started as a real process with that variable set, must neither accept
 * that key nor leave it in any file of its data dir; a keys.json an older version wrote with the
 * adopted key is replaced.
 */
const dirs: string[] = [];
const running: CliEmulator[] = [];

afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
    await cli.exited;
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-env-key-'));
  dirs.push(dir);
  return dir;
}

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

async function listStatus(apiUrl: string, key: string): Promise<number> {
  const res = await fetch(`${apiUrl}/v1/files`, { headers: { authorization: basic(key) } });
  await res.arrayBuffer();
  return res.status;
}

async function stop(cli: CliEmulator): Promise<void> {
  cli.child.kill('SIGTERM');
  expect((await cli.exited).code).toBe(0);
}

describe('an emulator started with the SDK variables set', () => {
  it('ignores IMAGEKIT_PRIVATE_KEY: the key is refused by the API and appears in no file of the data dir', async () => {
    const dir = await freshDir();
    // Shaped like a real ImageKit key (28 base64 characters).
    const realKey = `private_realkey${randomBytes(15).toString('base64').slice(0, 20)}=`;
    const realPublic = `public_real${randomBytes(15).toString('base64').slice(0, 24)}=`;
    const cli = await spawnCli(['--port', '0', '--data', dir], { IMAGEKIT_PRIVATE_KEY: realKey, IMAGEKIT_PUBLIC_KEY: realPublic });
    running.push(cli);
    const generated = /privateKey=(private_\S+)/.exec(cli.stdout())?.[1];
    expect(generated).toMatch(/^private_/);
    expect(generated).not.toBe(realKey);

    expect(await listStatus(cli.apiUrl, realKey)).toBe(403);
    expect(await listStatus(cli.apiUrl, generated!)).toBe(200);
    expect(cli.stdout()).not.toContain(realKey);
    await stop(cli);
    expect(await filesContaining(dir, realKey)).toEqual([]);
    expect(await filesContaining(dir, realPublic)).toEqual([]);
    expect(await filesContaining(dir, generated!)).toEqual(['keys.json']); // the walk does read the files
  });

  it('replaces a keys.json that holds the adopted SDK key, even one shaped like a generated key', async () => {
    const dir = await freshDir();
    await mkdir(dir, { recursive: true });
    const adopted = `private_${randomBytes(18).toString('base64url')}=`;
    await writeFile(path.join(dir, 'keys.json'), JSON.stringify({ privateKey: adopted, publicKey: `public_${randomBytes(18).toString('base64url')}=` }));
    const cli = await spawnCli(['--port', '0', '--data', dir], { IMAGEKIT_PRIVATE_KEY: adopted });
    running.push(cli);
    expect(cli.stdout()).toMatch(/generated keys/);
    expect(await listStatus(cli.apiUrl, adopted)).toBe(403);
    await stop(cli);
    expect(await filesContaining(dir, adopted)).toEqual([]);
  });

  it('uses --private-key for the run only: it works, and no file holds it', async () => {
    const dir = await freshDir();
    const chosen = `private_chosen_${randomBytes(12).toString('hex')}`;
    const cli = await spawnCli(['--port', '0', '--data', dir, '--private-key', chosen]);
    running.push(cli);
    expect(await listStatus(cli.apiUrl, chosen)).toBe(200);
    await stop(cli);
    expect(await filesContaining(dir, chosen)).toEqual([]);
  });
});
