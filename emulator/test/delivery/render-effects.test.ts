import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bbox, decode, magic, near, quadrants, solid } from './pixels.js';
import { render } from './render-helpers.js';

const RED: [number, number, number] = [255, 0, 0];

let quad: Buffer;
let photoLike: Buffer; // a gradient with detail, so sharpening and contrast have something to act on

beforeAll(async () => {
  quad = await quadrants();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><defs><linearGradient id="g"><stop offset="0" stop-color="#606060"/><stop offset="1" stop-color="#a0a0a0"/></linearGradient></defs><rect width="300" height="200" fill="url(#g)"/><rect x="100" y="50" width="100" height="100" fill="#707070"/></svg>`;
  photoLike = await sharp(Buffer.from(svg)).png().toBuffer();
});

/** Mean absolute difference between neighbouring pixels: a crude sharpness measure. */
async function edgeEnergy(buffer: Buffer): Promise<number> {
  const { data, info } = await sharp(buffer).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let y = 0; y < info.height; y += 1) for (let x = 1; x < info.width; x += 1) sum += Math.abs(data[y * info.width + x] - data[y * info.width + x - 1]);
  return sum / (info.width * info.height);
}

describe('format and quality', () => {
  it('f-jpg/png/webp/avif/gif produce those formats (magic bytes)', async () => {
    for (const [f, expected] of [['jpg', 'jpeg'], ['png', 'png'], ['webp', 'webp'], ['avif', 'avif'], ['gif', 'gif']] as const) {
      const r = await render(quad, `w-50,f-${f}`);
      expect(magic(r.data), f).toBe(expected);
      expect(r.mime).toBe(`image/${expected}`);
    }
  });

  it('f-auto (and no f) picks WebP only when Accept lists image/webp, else keeps the input format', async () => {
    expect(magic((await render(quad, 'w-50', { accept: 'image/avif,image/webp,*/*' })).data)).toBe('webp');
    expect(magic((await render(quad, 'w-50,f-auto', { accept: '*/*' })).data)).toBe('png');
    const r = await render(quad, 'w-50', { accept: 'image/webp' });
    expect(r.output.negotiated).toBe(true);
    expect((await render(quad, 'w-50,f-png', { accept: 'image/webp' })).output.negotiated).toBe(false);
  });

  it('q lowers the JPEG size; the default is 80', async () => {
    const detailed = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const low = await render(detailed, 'f-jpg,q-10');
    const def = await render(detailed, 'f-jpg');
    const high = await render(detailed, 'f-jpg,q-95');
    expect(low.data.length).toBeLessThan(def.data.length);
    expect(def.data.length).toBeLessThan(high.data.length);
    expect(def.output.quality).toBe(80);
  });

  it('pr-true gives a progressive JPEG', async () => {
    expect((await sharp((await render(quad, 'f-jpg,pr-true')).data).metadata()).isProgressive).toBe(true);
    expect((await sharp((await render(quad, 'f-jpg')).data).metadata()).isProgressive).toBe(false);
  });

  it('lo-true gives pixel-exact WebP', async () => {
    const { img } = await render(quad, 'f-webp,lo-true');
    expect(at(img, 10, 10).slice(0, 3)).toEqual([255, 0, 0]);
    expect(at(img, 390, 290).slice(0, 3)).toEqual([255, 255, 0]);
  });

  it('cp-true keeps the ICC profile, which is stripped by default', async () => {
    const withIcc = await sharp(await solid(60, 60, [100, 150, 200])).withIccProfile('p3').png().toBuffer();
    expect((await sharp((await render(withIcc, 'w-30')).data).metadata()).icc).toBeUndefined();
    expect((await sharp((await render(withIcc, 'w-30,cp-true')).data).metadata()).icc).toBeDefined();
  });
});

describe('effects', () => {
  it('e-grayscale makes every channel equal', async () => {
    const { img } = await render(quad, 'e-grayscale,f-png');
    for (const [x, y] of [[10, 10], [390, 10], [10, 290], [390, 290]]) {
      const [r, g, b] = at(img, x, y);
      expect(r).toBe(g);
      expect(g).toBe(b);
    }
  });

  it('e-contrast stretches a low-contrast image to the full range', async () => {
    const { img } = await render(photoLike, 'e-contrast,f-png');
    const values = [at(img, 1, 100)[0], at(img, 298, 100)[0]];
    expect(Math.min(...values)).toBeLessThan(40);
    expect(Math.max(...values)).toBeGreaterThan(215);
  });

  it('e-sharpen and e-usm increase edge energy', async () => {
    const before = await edgeEnergy((await render(photoLike, 'f-png')).data);
    expect(await edgeEnergy((await render(photoLike, 'e-sharpen-50,f-png')).data)).toBeGreaterThan(before);
    expect(await edgeEnergy((await render(photoLike, 'e-usm-2-2-0.8-0.024,f-png')).data)).toBeGreaterThan(before);
  });

  it('bl blurs: the hard red/green edge becomes a mix', async () => {
    const { img } = await render(quad, 'bl-10,f-png');
    const [r, g] = at(img, 200, 50);
    expect(r).toBeGreaterThan(60);
    expect(g).toBeGreaterThan(60);
  });

  it('r-max makes the corners transparent in PNG; r with bg fills them with bg', async () => {
    const { img } = await render(quad, 'r-max,f-png');
    expect(at(img, 1, 1)[3]).toBe(0);
    expect(at(img, 200, 150)[3]).toBe(255);
    const filled = await render(quad, 'r-40,bg-0000FF,f-png');
    expect(near(at(filled.img, 1, 1), [0, 0, 255])).toBe(true);
  });

  it('b-10_FF0000 grows the canvas by 20 px with a red border', async () => {
    const { img } = await render(await solid(100, 50, [0, 0, 255]), 'b-10_FF0000,f-png');
    expect([img.width, img.height]).toEqual([120, 70]);
    expect(near(at(img, 2, 35), RED, 0)).toBe(true);
    expect(near(at(img, 60, 35), [0, 0, 255], 0)).toBe(true);
  });

  it('o-50 halves the alpha; bg flattens transparency onto a colour', async () => {
    expect(Math.abs(at((await render(quad, 'o-50,f-png')).img, 10, 10)[3] - 128)).toBeLessThanOrEqual(1);
    const transparent = await sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect(at((await render(transparent, 'bg-00FF00,f-png')).img, 5, 5)).toEqual([0, 255, 0, 255]);
  });

  it('t-true trims a solid border', async () => {
    const framed = await sharp(await solid(100, 100, [0, 0, 255])).extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' }).png().toBuffer();
    expect((await render(framed, 't-true,f-png')).img).toMatchObject({ width: 100, height: 100 });
    expect((await render(framed, 'f-png')).img).toMatchObject({ width: 140, height: 140 });
  });

  it('e-shadow draws under the opaque pixels of a transparent image; over 2 MP it is refused', async () => {
    const sticker = await sharp({ create: { width: 200, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: await solid(100, 100, [255, 0, 0]), left: 50, top: 50 }]).png().toBuffer();
    const { img } = await render(sticker, 'e-shadow-bl-0_st-100_x-10_y-10,f-png');
    expect(at(img, 155, 155)[3]).toBeGreaterThan(200); // shadow beyond the square's bottom-right corner
    expect(at(img, 20, 20)[3]).toBe(0);
    await expect(render(await solid(2000, 1500, [1, 2, 3], 'jpeg'), 'e-shadow')).rejects.toMatchObject({ param: 'e-shadow' });
  });

  it('e-gradient overlays white at the top fading to transparent at the bottom', async () => {
    const { img } = await render(await solid(100, 100, [0, 0, 0]), 'e-gradient,f-png');
    expect(at(img, 50, 1)[0]).toBeGreaterThan(200);
    expect(at(img, 50, 98)[0]).toBeLessThan(30);
  });

  it('n-ik_ml_thumbnail expands the built-in named transformation; an unknown name is refused', async () => {
    const big = await solid(1600, 1200, [50, 60, 70], 'jpeg');
    expect((await render(big, 'n-ik_ml_thumbnail')).img).toMatchObject({ width: 400, height: 300 });
    await expect(render(big, 'n-nope')).rejects.toMatchObject({ param: 'n' });
  });
});

describe('layers', () => {
  it('a text layer puts ink inside its box and nowhere else', async () => {
    const base = await solid(400, 300, [255, 255, 255]);
    const { img } = await render(base, 'l-text,i-Hello,fs-40,co-000000,lx-20,ly-30,l-end,f-png');
    const ink = bbox(img, ([r, g, b]) => r < 100 && g < 100 && b < 100);
    expect(ink).toBeDefined();
    expect(ink!.left).toBeGreaterThanOrEqual(20);
    expect(ink!.top).toBeGreaterThanOrEqual(30);
    expect(ink!.right).toBeLessThan(20 + 200);
    expect(ink!.bottom).toBeLessThan(30 + 60);
    expect(ink!.count).toBeGreaterThan(200);
  });

  it('text colour, background box, base64 input and wrapping width work', async () => {
    const base = await solid(400, 300, [255, 255, 255]);
    const { img } = await render(base, `l-text,ie-${encodeURIComponent(Buffer.from('ÅÄÖ © 2026').toString('base64'))},co-FF0000,bg-0000FF,pa-10,lfo-top_left,l-end,f-png`);
    expect(near(at(img, 3, 3), [0, 0, 255], 5)).toBe(true); // padding takes the box colour
    expect(bbox(img, ([r, g, b]) => r > 200 && g < 60 && b < 60)).toBeDefined();
    const wrapped = await render(base, 'l-text,i-one%20two%20three%20four,w-80,fs-20,lfo-top_left,l-end,f-png');
    const oneLine = await render(base, 'l-text,i-one%20two%20three%20four,fs-20,lfo-top_left,l-end,f-png');
    const dark = (p: number[]) => p[0] < 100;
    expect(bbox(wrapped.img, dark)!.bottom).toBeGreaterThan(bbox(oneLine.img, dark)!.bottom + 15);
  });

  it('a solid block (i-ik_canvas) paints bg at lx/ly', async () => {
    const { img } = await render(await solid(400, 300, [0, 0, 255]), 'l-image,i-ik_canvas,bg-FF0000,w-100,h-50,lx-20,ly-30,l-end,f-png');
    expect(near(at(img, 70, 55), RED, 0)).toBe(true);
    expect(near(at(img, 10, 10), [0, 0, 255], 0)).toBe(true);
    expect(near(at(img, 130, 55), [0, 0, 255], 0)).toBe(true);
  });

  it('image layers: library path with @@, nested transformation, lfo and negative lx (from the right)', async () => {
    const files = { '/logos/red.png': await solid(50, 50, [255, 0, 0]) };
    const base = await solid(400, 300, [0, 0, 255]);
    const br = await render(base, 'l-image,i-logos@@red.png,w-20,lfo-bottom_right,l-end,f-png', { files });
    expect(near(at(br.img, 390, 290), RED, 0)).toBe(true);
    expect(near(at(br.img, 370, 270), [0, 0, 255], 0)).toBe(true);
    const right = await render(base, 'l-image,i-logos@@red.png,lx-N10,ly-0,l-end,f-png', { files });
    expect(near(at(right.img, 365, 25), RED, 0)).toBe(true);
    expect(near(at(right.img, 395, 25), [0, 0, 255], 0)).toBe(true);
    await expect(render(base, 'l-image,i-missing.png,l-end', { files })).rejects.toMatchObject({ param: 'i' });
  });

  it('layers nest up to 3 levels; a 4th level and a missing l-end are refused', async () => {
    const base = await solid(400, 300, [255, 255, 255]);
    const three = 'l-image,i-ik_canvas,bg-0000FF,w-200,h-200,lfo-top_left,l-image,i-ik_canvas,bg-00FF00,w-100,h-100,lfo-top_left,l-image,i-ik_canvas,bg-FF0000,w-50,h-50,lfo-top_left,l-end,l-end,l-end,f-png';
    const { img } = await render(base, three);
    expect(near(at(img, 10, 10), RED, 0)).toBe(true);
    expect(near(at(img, 75, 75), [0, 255, 0], 0)).toBe(true);
    expect(near(at(img, 150, 150), [0, 0, 255], 0)).toBe(true);
    expect(near(at(img, 300, 250), [255, 255, 255], 0)).toBe(true);
    const four = 'l-image,i-ik_canvas,l-image,i-ik_canvas,l-image,i-ik_canvas,l-image,i-ik_canvas,l-end,l-end,l-end,l-end';
    await expect(render(base, four)).rejects.toMatchObject({ param: 'l' });
    await expect(render(base, 'l-text,i-hi')).rejects.toMatchObject({ param: 'l' });
  });

  it('text that would exceed 16,383 px is refused before Pango allocates it', async () => {
    const base = await solid(100, 100, [255, 255, 255]);
    await expect(render(base, `l-text,i-${'W'.repeat(500)},fs-1000,l-end`)).rejects.toMatchObject({ param: 'fs' });
    await expect(render(base, `l-text,i-${'word%20'.repeat(300)},fs-500,w-1000,l-end`)).rejects.toMatchObject({ param: 'w' });
    await expect(render(base, 'l-text,i-hi,pa-20000,l-end')).rejects.toMatchObject({ status: 400 });
  });

  it('a layer bigger than its base is cut to the base', async () => {
    const { img } = await render(await solid(100, 100, [0, 0, 255]), 'l-image,i-ik_canvas,bg-FF0000,w-300,h-300,l-end,f-png');
    expect([img.width, img.height]).toEqual([100, 100]);
    expect(near(at(img, 50, 50), RED, 0)).toBe(true);
  });
});

it('decode helper sanity: quadrants are where the tests assume', async () => {
  const img = await decode(quad);
  expect(near(at(img, 10, 10), RED, 0)).toBe(true);
});
