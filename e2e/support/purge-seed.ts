import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import type { APIRequestContext } from '@playwright/test';
import type { WebHost } from './hosts';

/** The official SDK on a web host's Local library (keys from its data dir), as any ImageKit client would use it. */
export function localLibrary(host: WebHost): { sdk: ImageKit; urlEndpoint: string } {
  const keys = JSON.parse(readFileSync(path.join(host.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  const settings = JSON.parse(readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8')) as { profiles: { kind: string; urlEndpoint: string }[] };
  const local = settings.profiles.find((p) => p.kind === 'local');
  if (!local) throw new Error('the web host has no Local library profile yet');
  return { sdk: new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(local.urlEndpoint).origin, maxRetries: 0 }), urlEndpoint: local.urlEndpoint };
}

/** Uploads `bytes` as `<folder>/<name>`, replacing (as a new version) any file already there. */
export async function put(sdk: ImageKit, folder: string, name: string, bytes: Buffer) {
  return sdk.files.upload({ file: await toFile(bytes, name), fileName: name, folder, useUniqueFileName: false });
}

export const swatch = (color: string) => sharp({ create: { width: 16, height: 16, channels: 3, background: color } }).png().toBuffer();

/** RGB of the first pixel a delivery URL serves right now. */
export async function firstPixel(request: APIRequestContext, url: string): Promise<number[]> {
  const res = await request.get(url);
  if (res.status() !== 200) throw new Error(`${url} answered ${res.status()}`);
  const { data } = await sharp(await res.body()).raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
}

/** Pictures with structure, so their pHashes differ; `width` gives a resized copy. */
const scene = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320" viewBox="0 0 480 320">${body}</svg>`);
export const landscape = scene(
  '<rect width="480" height="320" fill="#87b5e0"/><circle cx="120" cy="100" r="60" fill="#f5d142"/><rect x="0" y="220" width="480" height="100" fill="#3c7a2e"/><polygon points="260,220 360,90 460,220" fill="#6b5a4a"/>',
);
export const unrelated = [
  scene('<rect width="480" height="320" fill="#222"/><rect x="300" y="20" width="160" height="280" fill="#eee"/><circle cx="90" cy="250" r="50" fill="#c33"/>'),
  scene('<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient></defs><rect width="480" height="320" fill="url(#g)"/>'),
];
export const jpeg = (svg: Buffer, width?: number) => (width ? sharp(svg).resize({ width }) : sharp(svg)).jpeg({ quality: 85 }).toBuffer();
