import { toFile } from '@imagekit/nodejs';
import type { TestEmulator } from '../helpers/emulator.js';
import { decode, type Decoded } from './pixels.js';

export async function uploadImage(emu: TestEmulator, fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return emu.sdk.files.upload({ file: await toFile(bytes, fileName), fileName, useUniqueFileName: false, ...extra });
}

export interface Fetched {
  status: number;
  headers: Headers;
  body: Buffer;
  img?: Decoded;
}

/** GET over real HTTP; decodes the body when it is an image. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const isImage = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('image/');
  // Undecodable bodies (a deliberately corrupt original) leave `img` undefined for the test to check.
  const img = isImage ? await decode(body).catch(() => undefined) : undefined;
  return { status: res.status, headers: res.headers, body, img };
}

/** Waits until a purge request reports Completed (purges run in the background). */
export async function waitForPurge(emu: TestEmulator, url: string): Promise<void> {
  const { requestId } = await emu.sdk.cache.invalidation.create({ url });
  for (let i = 0; i < 100; i += 1) {
    if ((await emu.sdk.cache.invalidation.get(requestId!)).status === 'Completed') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`purge ${requestId} of ${url} did not complete`);
}
