import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Electron's fuse wire as the real binary carries it: the sentinel @electron/fuses searches for, a
 * version byte, a length byte, then one ASCII '0'/'1' per fuse (docs/tutorial/fuses.md, "the hard way").
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's shipped defaults for the eight V1 fuses, in wire order: RunAsNode on, cookie encryption
 * off, NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off,
 * file:// privileges on. A package check that reads anything else proves electron-builder flipped it.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * Writes a stand-in Electron distribution (there is no Electron binary on CI): an `electron`
 * executable whose bytes hold a fuse wire, so electron-builder's `electronFuses` step can flip the
 * fuses and a test can read them back. It checks our configuration, not Electron's enforcement.
 */
export async function writeStubElectronDist(dir: string, electronVersion: string, wire = ELECTRON_DEFAULT_WIRE): Promise<string> {
  if (!/^[01]+$/.test(wire) || wire.length > 255) throw new Error(`A fuse wire is 1–255 characters of 0/1, got ${JSON.stringify(wire)}.`);
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stub Electron for the offline package check: it cannot run the app" >&2\nexit 1\n# ');
  const fuseWire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, wire.length]), Buffer.from(wire, 'ascii'), Buffer.from('\n')]);
  const executable = path.join(dir, 'electron');
  await writeFile(executable, Buffer.concat([script, fuseWire]));
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'version'), electronVersion);
  await writeFile(path.join(dir, 'LICENSE'), 'Stub Electron distribution used by the offline package check.\n');
  return dir;
}
