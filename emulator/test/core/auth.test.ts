import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ImageKit from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { pngBytes } from '../helpers/fixtures.js';
import { uploadSignature } from '../../src/routes/upload-auth.js';

const spec = specValidation();
const emu = withEmulator();
const HELP = 'For support kindly contact us at support@imagekit.io.';

async function clientUpload(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([await pngBytes(6, 6)]), 'c.png');
  form.append('fileName', 'client.png');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await spec.fetch(`${emu.current.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

function signed(overrides: Partial<{ token: string; expire: number; publicKey: string; signature: string }> = {}) {
  const token = overrides.token ?? randomUUID();
  const expire = overrides.expire ?? Math.floor(Date.now() / 1000) + 600;
  return {
    publicKey: overrides.publicKey ?? emu.current.publicKey,
    token,
    expire: String(expire),
    signature: overrides.signature ?? uploadSignature(emu.current.privateKey, token, expire),
  };
}

describe('server-side auth (HTTP Basic)', () => {
  it('accepts base64(key:anything) and the raw key; answers 401 without and 403 with a wrong key', async () => {
    const { apiUrl, privateKey } = emu.current;
    const get = (auth?: string) => spec.fetch(`${apiUrl}/v1/files`, { headers: auth ? { authorization: auth } : {} });
    expect((await get(`Basic ${Buffer.from(`${privateKey}:do_not_set`).toString('base64')}`)).status).toBe(200);
    expect((await get(`Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`)).status).toBe(200);
    expect((await get(`Basic ${privateKey}`)).status).toBe(200);
    const none = await get();
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ message: 'Your request does not contain private API key.', help: HELP });
    const wrong = await get(`Basic ${Buffer.from('private_wrong:').toString('base64')}`);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ message: 'Your account cannot be authenticated.', help: HELP });
    expect((await get('Bearer abc')).status).toBe(401);
  });

  it('maps to the SDK error classes', async () => {
    const bad = new ImageKit({ privateKey: 'private_wrong', baseURL: emu.current.apiUrl, maxRetries: 0 });
    await expect(bad.assets.list()).rejects.toBeInstanceOf(ImageKit.PermissionDeniedError);
  });

  it('sends x-ik-requestId and rate-limit headers on every response, errors included', async () => {
    const { apiUrl } = emu.current;
    for (const res of [await fetch(`${apiUrl}/v1/files`), await fetch(`${apiUrl}/v1/nothing-here`, { headers: { authorization: emu.current.authHeader } })]) {
      expect(res.headers.get('x-ik-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('x-ratelimit-interval'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('client-side upload auth (publicKey, token, expire, signature)', () => {
  it('accepts a valid signature once: the token is single-use', async () => {
    const auth = signed();
    const ok = await clientUpload(auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: expect.stringMatching(/^client_/), width: 6 });
    const replay = await clientUpload(auth);
    expect(replay.status).toBe(400);
    expect(replay.body.message).toMatch(/token .* already been used/);
  });

  it('burns the token even when the first upload using it fails (as documented)', async () => {
    const auth = signed();
    const failed = await clientUpload({ ...auth, useUniqueFileName: 'maybe' });
    expect(failed.status).toBe(400);
    const retry = await clientUpload(auth);
    expect(retry).toMatchObject({ status: 400, body: { message: expect.stringMatching(/token .* already been used/) } });
  });

  it('matches the SDK helper and the canonical HMAC vector', async () => {
    expect(uploadSignature('private_key_test', 'your_token', 1582269249)).toBe('e71bcd6031016b060d349d212e23e85c791decdd');
    const params = emu.current.sdk.helper.getAuthenticationParameters();
    const res = await clientUpload({ publicKey: emu.current.publicKey, token: params.token, expire: String(params.expire), signature: params.signature });
    expect(res.status).toBe(200);
  });

  it('refuses bad signatures, expiry out of range, wrong public key, and both methods at once', async () => {
    expect((await clientUpload(signed({ signature: 'a'.repeat(40) }))).body.message).toMatch(/invalid signature/);
    const past = await clientUpload(signed({ expire: Math.floor(Date.now() / 1000) - 10 }));
    expect(past).toMatchObject({ status: 400, body: { message: expect.stringContaining('invalid expire parameter') } });
    const far = await clientUpload(signed({ expire: Math.floor(Date.now() / 1000) + 7200 }));
    expect(far).toMatchObject({ status: 400, body: { message: expect.stringContaining('less than 1 hour') } });
    expect((await clientUpload(signed({ publicKey: 'public_other' }))).status).toBe(403);
    const both = await clientUpload(signed(), { authorization: emu.current.authHeader });
    expect(both).toMatchObject({ status: 400, body: { message: expect.stringContaining('both signature and basic auth') } });
    const neither = await clientUpload({});
    expect(neither.status).toBe(401);
  });
});

spec.itConformsToSpec(10);
