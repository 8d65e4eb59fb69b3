// The main-process URL service: keys stay on the main side, signing is checked independently of the SDK,
// and bad input from the renderer is refused with a message naming the field.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeUrlProblems } from '../../../shared/url/build-options-schema.js';
import { buildUrl, computeUrlSignature, getUploadAuthParameters, UrlSigningError } from '../../services/url-building/sdk-url-builder.js';
import { createUrlService } from '../../services/url-building/url-service.js';

const ENDPOINT = 'https://ik.imagekit.io/demo';
const KEY = 'private_test_key';

function hmacSha1Hex(key: string, message: string): string {
  return createHmac('sha1', key).update(message, 'utf8').digest('hex');
}

describe('URL service', () => {
  it('signs with the key it looks up itself, and never asks for a key for an unsigned URL', async () => {
    const lookups: string[] = [];
    const service = createUrlService({
      privateKeyFor: async (profileId) => {
        lookups.push(profileId);
        return KEY;
      },
    });
    const unsigned = await service.build('p1', { urlEndpoint: ENDPOINT, src: '/a.jpg', transformation: [{ width: 200 }] });
    expect(unsigned).toBe(`${ENDPOINT}/a.jpg?tr=w-200`);
    expect(lookups).toEqual([]);

    const signed = await service.build('p1', { urlEndpoint: ENDPOINT, src: '/a.jpg', transformation: [{ width: 200 }], signed: true });
    expect(lookups).toEqual(['p1']);
    // ik-s = HMAC-SHA1(key, url-without-endpoint + 9999999999), computed here without the SDK.
    expect(signed).toBe(`${ENDPOINT}/a.jpg?tr=w-200&ik-s=${hmacSha1Hex(KEY, 'a.jpg?tr=w-200' + '9999999999')}`);
    expect(signed).not.toContain(KEY);
  });

  it('refuses to sign when the profile has no private key instead of writing an empty ik-s', async () => {
    const service = createUrlService({ privateKeyFor: async () => undefined });
    await expect(service.build('p1', { urlEndpoint: ENDPOINT, src: '/a.jpg', expiresIn: 60 })).rejects.toThrow(UrlSigningError);
    expect(() => buildUrl({ urlEndpoint: ENDPOINT, src: '/a.jpg', signed: true })).toThrow(/private key/);
  });

  it('refuses malformed options from the renderer, naming the field', async () => {
    const service = createUrlService({ privateKeyFor: async () => KEY });
    const attempt = service.build('p1', { urlEndpoint: ENDPOINT, src: '/a.jpg', transformationPosition: 'side' });
    await expect(attempt).rejects.toThrow(ZodError);
    await expect(attempt).rejects.toThrow(/transformationPosition/);
    await expect(service.build('p1', { urlEndpoint: ENDPOINT, src: 42 })).rejects.toThrow(/src/);
  });

  it('builds signed srcset candidates per format and width, resizing after the person\'s steps', async () => {
    const service = createUrlService({ privateKeyFor: async () => KEY });
    const options = { urlEndpoint: ENDPOINT, src: '/a.jpg', transformation: [{ rotation: 90 }], signed: true };
    const candidates = await service.responsive('p1', options, { widths: [640, 320, 640], formats: ['avif', 'webp'] });
    expect(candidates.map(({ width, format }) => `${format}@${width}`)).toEqual(['avif@320', 'avif@640', 'webp@320', 'webp@640']);
    expect(candidates[0].url).toBe(
      `${ENDPOINT}/a.jpg?tr=rt-90:w-320,f-avif&ik-s=${hmacSha1Hex(KEY, 'a.jpg?tr=rt-90:w-320,f-avif9999999999')}`,
    );
    const plain = await service.responsive('p1', { urlEndpoint: ENDPOINT, src: '/a.jpg' }, { widths: [100] });
    expect(plain).toEqual([{ width: 100, url: `${ENDPOINT}/a.jpg?tr=w-100` }]);
    await expect(service.responsive('p1', options, { widths: [] })).rejects.toThrow(ZodError);
  });

  it('computes the same ik-s as the SDK writes into a signed URL', () => {
    const url = buildUrl({ urlEndpoint: `${ENDPOINT}/`, src: 'x/é.png', transformation: [{ height: 10 }], transformationPosition: 'path', signed: true }, KEY);
    const [unsignedPart, signature] = url.split(/[?&]ik-s=/);
    expect(computeUrlSignature({ url: unsignedPart, urlEndpoint: ENDPOINT, expiryTimestamp: 9999999999 }, KEY)).toBe(signature);
  });

  it('gives upload credentials with a fresh token and a 30-minute expiry by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const auth = getUploadAuthParameters(KEY);
    expect(auth.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(auth.expire).toBeGreaterThanOrEqual(before + 1800);
    expect(auth.expire).toBeLessThanOrEqual(before + 1801);
    expect(auth.signature).toBe(hmacSha1Hex(KEY, auth.token + auth.expire));
    expect(() => getUploadAuthParameters('')).toThrow(UrlSigningError);
  });
});

describe('describeUrlProblems', () => {
  it('says what keeps the form from producing a URL', () => {
    expect(describeUrlProblems({ urlEndpoint: ENDPOINT, src: '/a.jpg' }, false)).toEqual([]);
    expect(describeUrlProblems({ urlEndpoint: 'ik.imagekit.io/demo', src: '' }, false)).toEqual([
      'Choose a file or enter a path.',
      'The profile URL endpoint must start with https:// (or http:// for a local library).',
    ]);
    expect(describeUrlProblems({ urlEndpoint: ENDPOINT, src: '/a.jpg', signed: true, expiresIn: 1.5 }, false)).toEqual([
      'Signing needs a private key on this profile.',
      'Expiry must be a whole number of seconds greater than 0.',
    ]);
    expect(describeUrlProblems({ urlEndpoint: '', src: 'https://exa mple.com/a.jpg' }, true)).toEqual([
      '"https://exa mple.com/a.jpg" is not a valid URL.',
    ]);
  });
});
