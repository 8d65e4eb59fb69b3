import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';
import { at, bbox, near, quadrants, solid, type Rgb } from './pixels.js';
import { render } from './render-helpers.js';

/** Pixel checks for the transformation parameters that the geometry/effects tests do not cover. */
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
const YELLOW: Rgb = [255, 255, 0];
const dark = ([r, g, b]: number[]) => r < 100 && g < 100 && b < 100;

let quad: Buffer; // 400×300: red top-left, green top-right, blue bottom-left, yellow bottom-right

beforeAll(async () => {
  quad = await quadrants();
});

describe('fo on every edge (maintain_ratio crops toward it)', () => {
  it('fo-left / fo-right keep that side of a 400×300 cut to 100×300', async () => {
    const left = (await render(quad, 'w-100,h-300,fo-left,f-png')).img;
    const right = (await render(quad, 'w-100,h-300,fo-right,f-png')).img;
    expect([left.width, left.height]).toEqual([100, 300]);
    expect([near(at(left, 50, 20), RED), near(at(left, 50, 280), BLUE)]).toEqual([true, true]);
    expect([near(at(right, 50, 20), GREEN), near(at(right, 50, 280), YELLOW)]).toEqual([true, true]);
  });

  it('fo-top / fo-bottom keep that side of a 400×300 cut to 400×100; fo-bottom_right keeps that corner', async () => {
    const top = (await render(quad, 'w-400,h-100,fo-top,f-png')).img;
    const bottom = (await render(quad, 'w-400,h-100,fo-bottom,f-png')).img;
    expect([near(at(top, 20, 50), RED), near(at(top, 380, 50), GREEN)]).toEqual([true, true]);
    expect([near(at(bottom, 20, 50), BLUE), near(at(bottom, 380, 50), YELLOW)]).toEqual([true, true]);
    const corner = (await render(quad, 'w-100,h-300,fo-bottom_right,f-png')).img;
    expect(near(at(corner, 50, 280), YELLOW)).toBe(true);
    const topRight = (await render(quad, 'w-100,h-100,cm-extract,fo-top_right,f-png')).img;
    expect(near(at(topRight, 50, 50), GREEN)).toBe(true);
  });

  it('fo-auto moves the crop to the salient part instead of the centre', async () => {
    // A flat grey strip with one saturated detailed patch at the far right.
    const strip = await sharp({ create: { width: 400, height: 100, channels: 3, background: { r: 128, g: 128, b: 128 } } })
      .composite([{ input: await quadrants(60, 60), left: 330, top: 20 }])
      .png()
      .toBuffer();
    const centre = (await render(strip, 'w-100,h-100,f-png')).img;
    const auto = (await render(strip, 'w-100,h-100,fo-auto,f-png')).img;
    const saturated = ([r, g, b]: number[]) => Math.max(r, g, b) - Math.min(r, g, b) > 100;
    expect(bbox(centre, saturated)).toBeUndefined();
    expect(bbox(auto, saturated)!.count).toBeGreaterThan(1000);
  });
});

describe('extract by centre (xc, yc) and fractional h', () => {
  it('cm-extract with xc/yc cuts the region centred there', async () => {
    const green = (await render(quad, 'w-100,h-100,cm-extract,xc-300,yc-75,f-png')).img;
    expect([green.width, green.height, near(at(green, 50, 50), GREEN)]).toEqual([100, 100, true]);
    const yellow = (await render(quad, 'w-100,h-100,cm-extract,xc-300,yc-225,f-png')).img;
    expect(near(at(yellow, 50, 50), YELLOW)).toBe(true);
    // Straddling the centre: the four quadrants meet in the middle of the cut.
    const middle = (await render(quad, 'w-100,h-100,cm-extract,xc-200,yc-150,f-png')).img;
    expect([at(middle, 10, 10), at(middle, 90, 10), at(middle, 10, 90), at(middle, 90, 90)].map((p, i) => near(p, [RED, GREEN, BLUE, YELLOW][i]))).toEqual([true, true, true, true]);
  });

  it('h-0.5 is half the original height, width following the aspect ratio', async () => {
    expect((await render(quad, 'h-0.5')).img).toMatchObject({ width: 200, height: 150 });
  });
});

describe('rt-auto', () => {
  it('applies the EXIF orientation: a landscape stored with Orientation 6 is served portrait, red at the top right', async () => {
    const tagged = await sharp(quad).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    const { img } = await render(tagged, 'rt-auto,f-png');
    expect([img.width, img.height]).toEqual([300, 400]);
    expect(near(at(img, 250, 50), RED)).toBe(true);
    expect(near(at(img, 50, 350), YELLOW)).toBe(true);
  });
});

describe('layer details', () => {
  it('an image layer named with ie- (base64 path) is the same as i- with @@', async () => {
    const files = { '/logos/red.png': await solid(40, 40, RED) };
    const base = await solid(200, 200, BLUE);
    const ie = encodeURIComponent(Buffer.from('logos/red.png').toString('base64'));
    const byBase64 = await render(base, `l-image,ie-${ie},lfo-top_left,l-end,f-png`, { files });
    const byPath = await render(base, 'l-image,i-logos@@red.png,lfo-top_left,l-end,f-png', { files });
    expect(near(at(byBase64.img, 20, 20), RED, 0)).toBe(true);
    expect(near(at(byBase64.img, 60, 60), BLUE, 0)).toBe(true);
    expect(byBase64.data.equals(byPath.data)).toBe(true);
  });

  it('lh spaces wrapped lines further apart', async () => {
    const base = await solid(300, 300, [255, 255, 255]);
    const tall = async (tr: string) => {
      const box = bbox((await render(base, tr)).img, dark)!;
      return box.bottom - box.top;
    };
    const plain = await tall('l-text,i-one%20two%20three,w-60,fs-20,lfo-top_left,l-end,f-png');
    const spaced = await tall('l-text,i-one%20two%20three,w-60,fs-20,lh-20,lfo-top_left,l-end,f-png');
    expect(spaced).toBeGreaterThanOrEqual(plain + 30); // two gaps of ~20 px
  });

  it('ff picks a bundled face: monospace "iiii" is wider than proportional', async () => {
    const base = await solid(400, 100, [255, 255, 255]);
    const width = async (tr: string) => {
      const box = bbox((await render(base, tr)).img, dark)!;
      return box.right - box.left;
    };
    const sans = await width('l-text,i-iiiiiiii,fs-40,l-end,f-png');
    const mono = await width('l-text,i-iiiiiiii,fs-40,ff-DejaVuSansMono,l-end,f-png');
    expect(mono).toBeGreaterThan(sans * 1.5);
    // An ImageKit family name the emulator does not bundle still renders (falls back to DejaVu Sans).
    expect(await width('l-text,i-iiiiiiii,fs-40,ff-Roboto,l-end,f-png')).toBe(sans);
  });
});

describe('over HTTP: fo-custom reads the file’s customCoordinates; di- serves the default image pixels', () => {
  const emu = withEmulator();

  it('fo-custom centres maintain_ratio and cm-extract crops on the uploaded customCoordinates, and follows an update', async () => {
    await uploadImage(emu.current, 'focus.png', quad, { customCoordinates: '300,200,50,50' });
    const url = (tr: string, q = '') => `${emu.current.urlEndpoint}/tr:${tr},fo-custom,f-png/focus.png${q}`;
    // maintain_ratio: 400×300 → 100×300 needs no scaling, so the 100 px window is centred on x 325 (275–375).
    const cover = await get(url('w-100,h-300'));
    expect([cover.status, cover.img?.width, cover.img?.height]).toEqual([200, 100, 300]);
    expect([near(at(cover.img!, 50, 20), GREEN), near(at(cover.img!, 50, 280), YELLOW)]).toEqual([true, true]);
    // cm-extract (the documented w-500,h-100,fo-custom,cm-extract form): a 60×60 region centred on (325, 225).
    const extract = await get(url('w-60,h-60,cm-extract'));
    expect([extract.img?.width, near(at(extract.img!, 2, 2), YELLOW, 0), near(at(extract.img!, 57, 57), YELLOW, 0)]).toEqual([60, true, true]);
    // Near an edge the region stays inside the image instead of failing.
    const [file] = (await emu.current.sdk.assets.list({ searchQuery: 'name = "focus.png"' })) as { fileId: string }[];
    await emu.current.sdk.files.update(file.fileId, { customCoordinates: '0,0,10,10' });
    // A cached URL keeps its render until purged (CDN rule); a new updatedAt is a new URL that sees the new area.
    const corner = await get(url('w-60,h-60,cm-extract', '?updatedAt=2'));
    expect([near(at(corner.img!, 2, 2), RED, 0), near(at(corner.img!, 57, 57), RED, 0)]).toEqual([true, true]);
    const left = await get(url('w-100,h-300', '?updatedAt=2'));
    expect([near(at(left.img!, 50, 20), RED), near(at(left.img!, 50, 280), BLUE)]).toEqual([true, true]);
  });

  it('di- renders the default image’s own pixels with the requested transformation', async () => {
    await uploadImage(emu.current, 'fallback.png', await solid(100, 100, GREEN), { folder: '/defaults' });
    const r = await get(`${emu.current.urlEndpoint}/tr:w-40,di-defaults@@fallback.png,f-png/nope/missing.jpg`);
    expect([r.status, r.img?.width, r.img?.height]).toEqual([200, 40, 40]);
    expect(near(at(r.img!, 20, 20), GREEN, 0)).toBe(true);
  });
});
