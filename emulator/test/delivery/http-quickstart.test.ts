import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';
import { at, bbox, magic, near, quadrants } from './pixels.js';

/**
 * Every transformation URL of ImageKit's Python quickstart (docs `python_app.md` and the SDK README),
 * rewritten onto this emulator's URL endpoint, rendered from uploaded images over real HTTP.
 */
const emu = withEmulator();
let base: string;

beforeAll(async () => {
  await uploadImage(emu.current, 'default-image.jpg', await quadrants(1000, 1000, 'jpeg'));
  await uploadImage(emu.current, 'logo-white_SJwqB4Nfe.png', await sharp({ create: { width: 200, height: 80, channels: 4, background: '#ffffff' } }).png().toBuffer());
  base = emu.current.urlEndpoint;
});

describe('Python quickstart URLs', () => {
  it('original: /default-image.jpg is served byte for byte', async () => {
    const r = await get(`${base}/default-image.jpg`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect([r.img?.width, r.img?.height]).toEqual([1000, 1000]);
  });

  it('resize: tr:h-200,w-200 and the query form ?tr=h-200%2Cw-200 (legacy form-encoded)', async () => {
    for (const url of [`${base}/tr:h-200,w-200/default-image.jpg`, `${base}/default-image.jpg?tr=h-200%2Cw-200`]) {
      const r = await get(url);
      expect([r.status, r.img?.width, r.img?.height], url).toEqual([200, 200, 200]);
    }
  });

  it('resize with raw ar and quality: tr:h-300,w-400,ar-4-3,q-40 (ar ignored when w and h are given)', async () => {
    const r = await get(`${base}/tr:h-300,w-400,ar-4-3,q-40/default-image.jpg`);
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 400, 300]);
  });

  it('chained rotate: tr:h-300,w-200:rt-90 is 300×200, tr:rt-90:h-300,w-200 is 200×300', async () => {
    const a = await get(`${base}/tr:h-300,w-200:rt-90/default-image.jpg`);
    const b = await get(`${base}/tr:rt-90:h-300,w-200/default-image.jpg`);
    expect([a.img?.width, a.img?.height]).toEqual([300, 200]);
    expect([b.img?.width, b.img?.height]).toEqual([200, 300]);
    const q = await get(`${base}/default-image.jpg?tr=h-300%2Cw-400%3Art-90`);
    expect([q.img?.width, q.img?.height]).toEqual([300, 400]);
  });

  it('sharpen, contrast, format, progressive: tr:f-jpg,pr-true,e-sharpen,e-contrast-1 (path and query)', async () => {
    for (const url of [`${base}/tr:f-jpg,pr-true,e-sharpen,e-contrast-1/default-image.jpg`, `${base}/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1`]) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(magic(r.body)).toBe('jpeg');
      expect((await sharp(r.body).metadata()).isProgressive).toBe(true);
    }
  });

  it('quality: tr:q-40 is smaller than the default q-80', async () => {
    const q40 = await get(`${base}/tr:q-40/default-image.jpg`);
    const q80 = await get(`${base}/tr:q-80/default-image.jpg`);
    expect(q40.status).toBe(200);
    expect(q40.body.length).toBeLessThan(q80.body.length);
  });

  it('text overlay: tr:h-300,w-400,l-text,i-Imagekit,fs-50,l-end puts dark ink in the centre', async () => {
    const r = await get(`${base}/tr:h-300,w-400,l-text,i-Imagekit,fs-50,l-end/default-image.jpg`);
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 400, 300]);
    const ink = bbox(r.img!, ([red, g, b]) => red < 60 && g < 60 && b < 60);
    expect(ink).toBeDefined();
    expect(ink!.left).toBeGreaterThan(60);
    expect(ink!.right).toBeLessThan(340);
  });

  it('image overlay: tr:h-300,w-400,l-image,i-default-image.jpg,w-100,b-10_CDDC39,l-end', async () => {
    const r = await get(`${base}/tr:h-300,w-400,l-image,i-default-image.jpg,w-100,b-10_CDDC39,l-end/default-image.jpg`);
    expect(r.status).toBe(200);
    // The 120×120 bordered layer is centred: its border sits at x 140–150.
    expect(near(at(r.img!, 145, 150), [0xcd, 0xdc, 0x39])).toBe(true);
  });

  it('solid colour overlay: tr:h-300,w-400,l-image,i-ik_canvas,bg-FF0000,w-300,h-100,l-end', async () => {
    const r = await get(`${base}/tr:h-300,w-400,l-image,i-ik_canvas,bg-FF0000,w-300,h-100,l-end/default-image.jpg`);
    expect(near(at(r.img!, 200, 150), [255, 0, 0], 10)).toBe(true);
    expect(near(at(r.img!, 100, 20), [255, 0, 0])).toBe(true); // the base's red quadrant, outside the block
    expect(near(at(r.img!, 300, 20), [0, 255, 0])).toBe(true);
  });

  it('arithmetic: ?tr=w-iw_div_4,h-ih_div_2,b-cw_mul_0.05_yellow', async () => {
    const r = await get(`${base}/default-image.jpg?tr=w-iw_div_4,h-ih_div_2,b-cw_mul_0.05_yellow`);
    // cw is 250 after the resize, so the border is round(12.5) = 13 px on each side.
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 250 + 26, 500 + 26]);
    expect(near(at(r.img!, 2, 200), [255, 255, 0])).toBe(true);
  });

  it('the docs-era overlay syntax (ot-, oi-) is refused with 400 naming the parameter, as ImageKit does since 2023-11', async () => {
    const text = await get(`${base}/tr:h-300,w-300:ot-ImageKit,ots-50,otc-0651D5/default-image.jpg`);
    const image = await get(`${base}/tr:h-300,w-300:oi-logo-white_SJwqB4Nfe.png/default-image.jpg`);
    expect(text.status).toBe(400);
    expect(text.headers.get('ik-error')).toContain('ot');
    expect(JSON.parse(text.body.toString()).message).toContain('"ot"');
    expect(image.status).toBe(400);
  });

  it('the resize example as the SDK builds it from {height, width, raw: "ar-4-3,q-40"} renders 200×200 at q-40', async () => {
    // The docs page prints `raw-ar-4-3,q-40` (a rendering slip); the SDK appends the raw string verbatim.
    const src = emu.current.sdk.helper.buildSrc({ urlEndpoint: base, src: '/default-image.jpg', transformationPosition: 'path', transformation: [{ height: 200, width: 200, raw: 'ar-4-3,q-40' }] });
    expect(src).toBe(`${base}/tr:h-200,w-200,ar-4-3,q-40/default-image.jpg`);
    const r = await get(src);
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 200, 200]);
    expect(r.body.length).toBeLessThan((await get(`${base}/tr:h-200,w-200,q-90/default-image.jpg`)).body.length);
  });

  it('the signed URL example (signed, expiring in 10 s) is served', async () => {
    const src = emu.current.sdk.helper.buildSrc({ urlEndpoint: base, src: '/default-image.jpg', signed: true, expiresIn: 10 });
    expect(src).toMatch(/\?ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    const r = await get(src);
    expect([r.status, r.img?.width]).toEqual([200, 1000]);
  });

  it('the same URLs built by the official SDK (buildSrc) render too', async () => {
    const src = emu.current.sdk.helper.buildSrc({
      urlEndpoint: base,
      src: '/default-image.jpg',
      transformation: [{ height: 300, width: 400 }, { rotation: 90 }],
    });
    const r = await get(src);
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 300, 400]);
    const overlay = emu.current.sdk.helper.buildSrc({
      urlEndpoint: base,
      src: '/default-image.jpg',
      transformation: [{ width: 400, height: 300, overlay: { type: 'text', text: 'Hello, world', transformation: [{ fontSize: 30, fontColor: 'FF0000' }] } }],
    });
    expect(overlay).toContain('ie-');
    expect((await get(overlay)).status).toBe(200);
  });
});
