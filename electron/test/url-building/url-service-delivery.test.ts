// The URL service against a real delivery endpoint: the Local library emulator over HTTP, rendering with
// sharp. Signed URLs built (and re-built from a pasted URL) by the service are served for a private file;
// the unsigned, tampered and expired ones are refused.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index.js';
import { parseImageKitUrl, toBuildOptions } from '../../../shared/url/parse-imagekit-url.js';
import { createUrlService, type UrlService } from '../../services/url-building/url-service.js';

let emulator: RunningEmulator;
let dataDir: string;
let service: UrlService;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'url-service-delivery-'));
  emulator = await startEmulator({ dataDir, privateKey: 'private_url_service_key', publicKey: 'public_url_service_key', quiet: true });
  const sdk = new ImageKit({ privateKey: emulator.privateKey, baseURL: emulator.apiUrl, maxRetries: 0 });
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
  await sdk.files.upload({ file: await toFile(photo, 'secret.jpg'), fileName: 'secret.jpg', folder: '/vault', isPrivateFile: true, useUniqueFileName: false });
  service = createUrlService({ privateKeyFor: async (profileId) => (profileId === 'local' ? emulator.privateKey : undefined) });
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await emulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function fetchImage(url: string) {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const size = response.status === 200 ? await sharp(body).metadata() : undefined;
  return { status: response.status, width: size?.width, height: size?.height };
}

const base = () => ({ urlEndpoint: emulator.urlEndpoint, src: '/vault/secret.jpg', transformation: [{ height: 200, width: 200 }] });

describe('signed URLs from the URL service on the Local library', () => {
  it('serves the private file through a signed URL and refuses the unsigned one', async () => {
    const signed = await service.build('local', { ...base(), signed: true });
    expect(await fetchImage(signed)).toEqual({ status: 200, width: 200, height: 200 });

    const unsigned = await service.build('local', base());
    expect((await fetchImage(unsigned)).status).toBe(401);
    expect((await fetchImage(signed.replace('w-200', 'w-201'))).status).toBe(401);
  });

  it('serves an expiring URL until its ik-t, and refuses it after', async () => {
    const fresh = await service.build('local', { ...base(), transformationPosition: 'path', expiresIn: 600 });
    expect(fresh).toContain('ik-t=');
    expect((await fetchImage(fresh)).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 3600_000);
    const madeAnHourAgo = await service.build('local', { ...base(), expiresIn: 600 });
    vi.useRealTimers();
    expect((await fetchImage(madeAnHourAgo)).status).toBe(401);
  });

  it('a pasted signed URL rebuilds to the same URL, which is served', async () => {
    const pasted = await service.build('local', {
      ...base(),
      transformation: [{ rotation: 90 }, { width: 120, overlay: { type: 'text', text: 'Private copy', transformation: [{ fontSize: 20 }] } }],
      transformationPosition: 'path',
      signed: true,
    });
    const parsed = parseImageKitUrl(pasted, emulator.urlEndpoint);
    expect(parsed.warnings).toEqual([]);
    const rebuilt = await service.build('local', toBuildOptions(parsed, Math.floor(Date.now() / 1000)));
    expect(rebuilt).toBe(pasted);
    const served = await fetchImage(rebuilt);
    expect(served.status).toBe(200);
    expect(served.width).toBe(120);
  });
});
