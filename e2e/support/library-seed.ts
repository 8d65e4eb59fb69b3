import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import type { WebHost } from './hosts';

export interface LocalLibrarySdk {
  sdk: ImageKit;
  urlEndpoint: string;
  /** Uploads a small generated PNG to `folder` (no unique-name suffix); returns its file path. */
  upload(folder: string, name: string, options?: { color?: [number, number, number]; width?: number }): Promise<string>;
}

/**
 * The official SDK pointed at a web host's Local library, with the keys the embedded emulator keeps
 * in the host's data dir: how e2e tests seed a library the way any ImageKit client would.
 */
export function localLibrarySdk(host: WebHost): LocalLibrarySdk {
  const keys = JSON.parse(readFileSync(path.join(host.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  const settings = JSON.parse(readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8')) as {
    profiles: { kind: string; urlEndpoint: string }[];
  };
  const local = settings.profiles.find((p) => p.kind === 'local');
  if (!local) throw new Error('the web host has no Local library profile yet');
  const sdk = new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(local.urlEndpoint).origin, maxRetries: 0 });
  return {
    sdk,
    urlEndpoint: local.urlEndpoint,
    async upload(folder, name, options = {}) {
      const [r, g, b] = options.color ?? [40, 120, 200];
      const png = await sharp({ create: { width: options.width ?? 64, height: 48, channels: 3, background: { r, g, b } } }).png().toBuffer();
      const uploaded = await sdk.files.upload({ file: await toFile(png, name), fileName: name, folder, useUniqueFileName: false });
      return uploaded.filePath ?? `${folder}/${name}`;
    },
  };
}
