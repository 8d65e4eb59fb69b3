import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFile } from '@imagekit/nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUrl } from '../../src/delivery/signature.js';
import { uploadSignature } from '../../src/routes/upload-auth.js';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage, type Fetched } from './http-helpers.js';
import { at, near, solid, type Rgb } from './pixels.js';

/**
 * An attacker who knows (or guesses) the path of a private file asks for it as an image layer, a font,
 * or an upload pre-transformation on something public. Every library read a render makes must follow
 * the rule of a direct request: private needs a valid signature of the outer URL.
 */
const SECRET: Rgb = [255, 0, 0];
const FONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts/DejaVuSans.ttf');

describe('private library files read through layers, fonts and pre-transformations', () => {
  const emu = withEmulator();
  const url = (relative: string) => `${emu.current.urlEndpoint}/${relative}`;
  const signed = (relative: string, expiry?: number) => {
    const sig = signUrl(emu.current.privateKey, relative, expiry);
    const sep = relative.includes('?') ? '&' : '?';
    return url(`${relative}${sep}${expiry === undefined ? '' : `ik-t=${expiry}&`}ik-s=${sig}`);
  };

  beforeAll(async () => {
    await uploadImage(emu.current, 'white.png', await solid(100, 100, [255, 255, 255]), { folder: '/pub' });
    await uploadImage(emu.current, 'secret.png', await solid(60, 60, SECRET), { folder: '/priv', isPrivateFile: true });
    await uploadImage(emu.current, 'font.ttf', await readFile(FONT), { folder: '/priv', isPrivateFile: true });
  });

  /** The refusal a direct unsigned request for a private file gets: 401, ImageKit's JSON, EACCES, no image bytes. */
  function expectRefused(r: Fetched, what: string) {
    expect(r.status, what).toBe(401);
    expect(r.headers.get('content-type'), what).toMatch(/^application\/json/);
    expect(r.headers.get('ik-error'), what).toMatch(/^EACCES - /);
    expect(JSON.parse(r.body.toString()), what).toEqual({ message: expect.stringMatching(/private/), help: expect.any(String) });
    expect(r.img, what).toBeUndefined();
  }

  async function expectAlive() {
    expect((await get(url('pub/white.png'))).status).toBe(200);
  }

  it('a direct unsigned request for the private file is refused (the rule every layer read must match)', async () => {
    expectRefused(await get(url('priv/secret.png')), 'direct');
    expectRefused(await get(url('tr:w-10/priv/secret.png')), 'direct, transformed');
  });

  it('an unsigned image layer, in the path, the query, as ie- base64, and nested three levels deep, is refused', async () => {
    const b64 = encodeURIComponent(Buffer.from('priv/secret.png').toString('base64'));
    const attacks = [
      'tr:l-image,i-priv@@secret.png,l-end/pub/white.png',
      'pub/white.png?tr=l-image,i-priv@@secret.png,l-end',
      `tr:l-image,ie-${b64},l-end/pub/white.png`,
      'tr:w-50:l-image,i-priv@@secret.png,w-10,l-end,f-png/pub/white.png',
      'tr:l-image,i-pub@@white.png,w-80,l-image,i-pub@@white.png,w-60,l-image,i-priv@@secret.png,l-end,l-end,l-end/pub/white.png',
    ];
    for (const relative of attacks) expectRefused(await get(url(relative)), relative);
    await expectAlive();
  });

  it('an unsigned text layer whose ff- font is a private library file is refused', async () => {
    expectRefused(await get(url('tr:l-text,i-Hi,fs-30,ff-priv@@font.ttf,l-end/pub/white.png')), 'font');
    await expectAlive();
  });

  it('a signed outer URL renders the private layer (three levels deep too) and the private font', async () => {
    const flat = await get(signed('tr:l-image,i-priv@@secret.png,l-end,f-png/pub/white.png'));
    expect(flat.status).toBe(200);
    expect(near(at(flat.img!, 50, 50), SECRET, 0)).toBe(true);
    expect(near(at(flat.img!, 5, 5), [255, 255, 255], 0)).toBe(true);

    const nested = await get(signed('tr:l-image,i-pub@@white.png,w-80,l-image,i-pub@@white.png,w-60,l-image,i-priv@@secret.png,w-20,l-end,l-end,l-end,f-png/pub/white.png'));
    expect(nested.status).toBe(200);
    expect(near(at(nested.img!, 50, 50), SECRET, 0)).toBe(true);

    const font = await get(signed('tr:l-text,i-Hi,fs-30,ff-priv@@font.ttf,l-end,f-png/pub/white.png'));
    expect([font.status, font.img?.width]).toEqual([200, 100]);
  });

  it('an expired or tampered outer signature does not unlock the layer', async () => {
    const relative = 'tr:l-image,i-priv@@secret.png,l-end/pub/white.png';
    const expired = await get(signed(relative, Math.floor(Date.now() / 1000) - 10));
    expect([expired.status, expired.img]).toEqual([401, undefined]);
    const tampered = await get(signed(relative).replace(/ik-s=([0-9a-f])/, (_m, c: string) => `ik-s=${c === '0' ? '1' : '0'}`));
    expect([tampered.status, tampered.img]).toEqual([401, undefined]);
  });

  it('a signed render of a private layer is cached as private: the same URL unsigned is refused afterwards', async () => {
    const relative = 'tr:l-image,i-priv@@secret.png,l-end,f-png/pub/white.png?v=cache';
    const first = await get(signed(relative));
    expect([first.status, first.headers.get('x-emulator-cache')]).toEqual([200, 'MISS']);
    expect((await get(signed(relative))).headers.get('x-emulator-cache')).toBe('HIT');
    expectRefused(await get(url(relative)), 'unsigned after a signed render');
  });

  it('signed and unsigned requests arriving together never share a render', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const relative = `tr:l-image,i-priv@@secret.png,l-end,f-png/pub/white.png?v=race-${i}`;
        return Promise.all([get(signed(relative)), get(url(relative))]);
      }),
    );
    for (const [withSignature, without] of pairs) {
      expect(withSignature.status).toBe(200);
      expect(near(at(withSignature.img!, 50, 50), SECRET, 0)).toBe(true);
      expectRefused(without, 'unsigned twin');
    }
  });

  it('an upload pre-transformation may not read a private file (server-side upload), nested or not', async () => {
    const base = await solid(100, 100, [255, 255, 255]);
    for (const pre of ['l-image,i-priv@@secret.png,l-end', 'l-image,i-pub@@white.png,w-50,l-image,i-priv@@secret.png,l-end,l-end', 'l-text,i-Hi,ff-priv@@font.ttf,l-end']) {
      const fileName = `pre-${randomUUID()}.png`;
      await expect(emu.current.sdk.files.upload({ file: await toFile(base, 'b.png'), fileName, useUniqueFileName: false, transformation: { pre } }), pre).rejects.toMatchObject({
        status: 400,
        error: { message: expect.stringMatching(/Pre-transformations cannot read private files/) },
      });
      expect((await get(url(fileName))).status, pre).toBe(404); // nothing was published
    }
    // A public layer still works.
    const ok = await emu.current.sdk.files.upload({ file: await toFile(base, 'b.png'), fileName: 'pre-public.png', useUniqueFileName: false, transformation: { pre: 'l-image,i-pub@@white.png,w-10,l-end' } });
    expect(ok.width).toBe(100);
    await expectAlive();
  });

  it('a client-side (token-signed) upload cannot pull a private file into a new public file', async () => {
    const token = randomUUID();
    const expire = Math.floor(Date.now() / 1000) + 600;
    const form = new FormData();
    form.append('file', new Blob([await solid(100, 100, [255, 255, 255])]), 'c.png');
    form.append('fileName', 'client-steal.png');
    form.append('useUniqueFileName', 'false');
    form.append('transformation', JSON.stringify({ pre: 'l-image,i-priv@@secret.png,l-end' }));
    for (const [k, v] of Object.entries({ publicKey: emu.current.publicKey, token, expire: String(expire), signature: uploadSignature(emu.current.privateKey, token, expire) })) form.append(k, v);
    const res = await fetch(`${emu.current.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/Pre-transformations cannot read private files/);
    expect((await get(url('client-steal.png'))).status).toBe(404);
    await expectAlive();
  });
});
