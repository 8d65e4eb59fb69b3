import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignature, signUrl } from '../../src/delivery/signature.js';
import { parseDeliveryUrl } from '../../src/delivery/request-url.js';
import { startTestEmulator, withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';
import { quadrants } from './pixels.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const vectors = JSON.parse(readFileSync(path.resolve(repoRoot, '..', 'shared', 'conformance', 'url-vectors.json'), 'utf8')) as {
  urlVectors: { id: string; input: { urlEndpoint?: string; privateKey?: string; now?: number }; expected: string }[];
  signatureVectors: { id: string; input: { privateKey: string; url: string; urlEndpoint: string; expiryTimestamp: number }; expected: string }[];
};

/** The part of a signed SDK URL after its endpoint, percent-encoded as a client sends it. */
function relativeAsSent(url: string, endpoint: string): string {
  const u = new URL(url);
  const endpointPath = new URL(endpoint.endsWith('/') ? endpoint : `${endpoint}/`).pathname;
  return (u.pathname + u.search).slice(endpointPath.length);
}

describe('the signing algorithm against the visible conformance vectors', () => {
  it('reproduces the low-level signature vectors', () => {
    for (const v of vectors.signatureVectors) {
      const relative = v.input.url.replace(v.input.urlEndpoint, '');
      expect(signUrl(v.input.privateKey, relative, v.input.expiryTimestamp), v.id).toBe(v.expected);
    }
  });

  const signed = vectors.urlVectors.filter((v) => v.expected.includes('ik-s=') && v.input.privateKey);

  it('verifies every signed URL vector as the server would receive it, and rejects a one-character change', () => {
    expect(signed.length).toBeGreaterThanOrEqual(10);
    for (const v of signed) {
      const url = parseDeliveryUrl(relativeAsSent(v.expected, v.input.urlEndpoint!));
      const now = v.input.now ?? Math.floor(Date.now() / 1000);
      expect(checkSignature(v.input.privateKey!, url.unsignedRelative, url.signature, now), v.id).toBe('valid');
      const tampered = url.unsignedRelative.replace(/\.(png|jpg)/, '.$1x');
      expect(checkSignature(v.input.privateKey!, tampered, url.signature, now), v.id).toBe('invalid');
    }
  });

  it('an expiring vector is expired one second after its ik-t', () => {
    const v = signed.find((x) => x.input.now !== undefined)!;
    const url = parseDeliveryUrl(relativeAsSent(v.expected, v.input.urlEndpoint!));
    expect(checkSignature(v.input.privateKey!, url.unsignedRelative, url.signature, Number(url.signature.t) + 1)).toBe('expired');
  });
});

describe('signed URL vectors served over real HTTP by an emulator with the vector\'s key and endpoint id', () => {
  /** Starts an emulator whose URL endpoint id and private key are the vector's, with `files` uploaded as private. */
  async function emulatorFor(v: (typeof vectors.urlVectors)[number], files: string[]) {
    const endpoint = new URL(v.input.urlEndpoint!);
    const id = endpoint.pathname.replace(/\//g, '');
    const e = await startTestEmulator({ id, privateKey: v.input.privateKey! });
    for (const filePath of files) {
      const folder = filePath.slice(0, filePath.lastIndexOf('/')) || '/';
      await uploadImage(e, filePath.slice(filePath.lastIndexOf('/') + 1), await quadrants(400, 300, 'jpeg'), { folder, isPrivateFile: true });
    }
    const local = (url: string) => `${e.urlEndpoint}/${relativeAsSent(url, v.input.urlEndpoint!)}`;
    return { e, local };
  }
  const byId = (id: string) => vectors.urlVectors.find((v) => v.id === id)!;

  it('serves the never-expiring vectors (plain, transformed with extra query, non-ASCII path) and refuses them tampered or unsigned', async () => {
    const cases: [string, string, number][] = [['VU-058', '/sdk-testing-files/future-search.png', 400], ['VU-061', '/sdk-testing-files/future-search.png', 300]];
    const demo = await emulatorFor(byId('VU-058'), ['/sdk-testing-files/future-search.png']);
    try {
      for (const [id, , width] of cases) {
        const url = demo.local(byId(id).expected);
        const ok = await get(url);
        expect([ok.status, ok.img?.width], id).toEqual([200, width]);
        expect((await get(url.replace(/ik-s=[0-9a-f]{40}/, (m) => m.slice(0, -1) + (m.endsWith('0') ? '1' : '0')))).status, id).toBe(401);
        expect((await get(url.replace(/[?&]ik-s=[0-9a-f]{40}$/, ''))).status, id).toBe(401);
      }
    } finally {
      await demo.e.close();
    }
    const unicode = await emulatorFor(byId('VU-095'), ['/test_é_path_alt.jpg']);
    try {
      expect((await get(unicode.local(byId('VU-095').expected))).status).toBe(200);
    } finally {
      await unicode.e.close();
    }
  });

  it('refuses the expiring vector (ik-t in 2022) as expired', async () => {
    const v = byId('VU-162');
    expect(v.expected).toContain('ik-t=1653775928');
    const { e, local } = await emulatorFor(v, ['/default-image.jpg']);
    try {
      const r = await get(local(v.expected));
      expect(r.status).toBe(401);
      expect(r.headers.get('ik-error')).toMatch(/expired/i);
    } finally {
      await e.close();
    }
  });
});

describe('private files over HTTP', () => {
  const emu = withEmulator();
  beforeAll(async () => {
    await uploadImage(emu.current, 'secret.jpg', await quadrants(400, 300, 'jpeg'), { folder: '/vault', isPrivateFile: true });
    await uploadImage(emu.current, 'public.jpg', await quadrants(400, 300, 'jpeg'), { folder: '/vault' });
  });

  const build = (opts: { transformation?: { width?: number }[]; signed?: boolean; expiresIn?: number; src?: string; queryParameters?: Record<string, string> }) =>
    emu.current.sdk.helper.buildSrc({ urlEndpoint: emu.current.urlEndpoint, src: opts.src ?? '/vault/secret.jpg', ...opts });

  it('unsigned requests for a private file get 401 (original and transformed)', async () => {
    expect((await get(build({}))).status).toBe(401);
    expect((await get(build({ transformation: [{ width: 100 }] }))).status).toBe(401);
  });

  it('SDK-signed URLs are served: without expiry, with expiresIn, in path and query form, with extra query params', async () => {
    const plain = build({ signed: true });
    const expiring = build({ signed: true, expiresIn: 300, transformation: [{ width: 100 }], queryParameters: { v: '2' } });
    expect(expiring).toMatch(/ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    const r1 = await get(plain);
    const r2 = await get(expiring);
    expect([r1.status, r1.img?.width]).toEqual([200, 400]);
    expect([r2.status, r2.img?.width]).toEqual([200, 100]);
    const pathForm = emu.current.sdk.helper.buildSrc({ urlEndpoint: emu.current.urlEndpoint, src: '/vault/secret.jpg', transformation: [{ width: 50 }], transformationPosition: 'path', signed: true });
    expect(pathForm).toContain('/tr:w-50/');
    expect((await get(pathForm)).img?.width).toBe(50);
  });

  it('a tampered URL (changed transformation or path) gets 401, and so does a second cached hit without signature', async () => {
    const good = build({ signed: true, transformation: [{ width: 120 }] });
    expect((await get(good)).status).toBe(200);
    expect((await get(good.replace('w-120', 'w-121'))).status).toBe(401);
    expect((await get(good.replace(/&?ik-s=[0-9a-f]+/, '').replace(/\?$/, ''))).status).toBe(401);
    const forged = good.replace(/ik-s=[0-9a-f]+/, `ik-s=${'0'.repeat(40)}`);
    const r = await get(forged);
    expect(r.status).toBe(401);
    expect(r.headers.get('ik-error')).toMatch(/^EACCES/);
  });

  it('an expired signed URL gets 401, with a signature computed by the same algorithm', async () => {
    const relative = 'vault/secret.jpg?tr=w-80';
    const past = Math.floor(Date.now() / 1000) - 10;
    const url = `${emu.current.urlEndpoint}/${relative}&ik-t=${past}&ik-s=${signUrl(emu.current.privateKey, relative, past)}`;
    expect((await get(url)).status).toBe(401);
    const future = past + 3600;
    const ok = `${emu.current.urlEndpoint}/${relative}&ik-t=${future}&ik-s=${signUrl(emu.current.privateKey, relative, future)}`;
    expect((await get(ok)).status).toBe(200);
  });

  it('public files need no signature, but a wrong one is still refused', async () => {
    expect((await get(build({ src: '/vault/public.jpg' }))).status).toBe(200);
    expect((await get(`${build({ src: '/vault/public.jpg' })}?ik-s=${'a'.repeat(40)}`)).status).toBe(401);
  });
});
