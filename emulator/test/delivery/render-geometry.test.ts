import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransformationError } from '../../../shared/transformations/index.js';
import { at, magic, near, quadrants, solid } from './pixels.js';
import { render } from './render-helpers.js';

const RED: [number, number, number] = [255, 0, 0];
const GREEN: [number, number, number] = [0, 255, 0];
const BLUE: [number, number, number] = [0, 0, 255];
const YELLOW: [number, number, number] = [255, 255, 0];

let big: Buffer; // 4000×3000 JPEG, as in the examples
let quad: Buffer; // 400×300 PNG quadrants

beforeAll(async () => {
  big = await solid(4000, 3000, [120, 130, 140], 'jpeg');
  quad = await quadrants();
});

describe('resize and crop (ImageKit documented geometry)', () => {
  it('w-200,h-200 on 4000×3000 gives exactly 200×200 (maintain_ratio crops)', async () => {
    const r = await render(big, 'w-200,h-200');
    expect([r.width, r.height, magic(r.data)]).toEqual([200, 200, 'jpeg']);
  });

  it('c-at_max fits inside: 200×150', async () => {
    expect((await render(big, 'w-200,h-200,c-at_max')).img).toMatchObject({ width: 200, height: 150 });
  });

  it('c-at_max never enlarges, c-at_max_enlarge does', async () => {
    expect((await render(quad, 'w-800,h-800,c-at_max')).img).toMatchObject({ width: 400, height: 300 });
    expect((await render(quad, 'w-800,h-800,c-at_max_enlarge')).img).toMatchObject({ width: 800, height: 600 });
  });

  it('c-at_least covers with one side exact: 300×225 for w-300,h-200', async () => {
    expect((await render(big, 'w-300,h-200,c-at_least')).img).toMatchObject({ width: 300, height: 225 });
  });

  it('c-force squeezes to exactly w×h without cropping (all four quadrants survive)', async () => {
    const { img } = await render(quad, 'w-100,h-100,c-force');
    expect([img.width, img.height]).toEqual([100, 100]);
    expect(near(at(img, 10, 10), RED)).toBe(true);
    expect(near(at(img, 90, 90), YELLOW)).toBe(true);
  });

  it('one dimension keeps the aspect ratio; fractions, expressions, ar and dpr compute sizes', async () => {
    expect((await render(quad, 'w-200')).img).toMatchObject({ width: 200, height: 150 });
    expect((await render(quad, 'w-0.5')).img).toMatchObject({ width: 200, height: 150 });
    expect((await render(quad, 'w-iw_div_4')).img).toMatchObject({ width: 100, height: 75 });
    expect((await render(quad, 'h-ih_mul_0.5_add_10')).img).toMatchObject({ height: 160 });
    expect((await render(quad, 'w-100,ar-1-1')).img).toMatchObject({ width: 100, height: 100 });
    expect((await render(quad, 'w-100,dpr-2')).img).toMatchObject({ width: 200, height: 150 });
    expect((await render(quad, 'w-120,h-80,ar-1-1')).img).toMatchObject({ width: 120, height: 80 });
  });

  it('maintain_ratio crops around fo (top_left keeps the red quadrant, auto still gives the exact size)', async () => {
    const { img } = await render(quad, 'w-100,h-100,fo-top_left');
    expect(near(at(img, 30, 30), RED)).toBe(true);
    const center = await render(quad, 'w-100,h-100');
    expect(near(at(center.img, 10, 10), RED)).toBe(true);
    expect(near(at(center.img, 90, 90), YELLOW)).toBe(true);
    expect((await render(quad, 'w-100,h-100,fo-auto')).img).toMatchObject({ width: 100, height: 100 });
  });

  it('fo-custom crops around the file customCoordinates', async () => {
    const { img } = await render(quad, 'w-50,h-50,fo-custom', { customFocus: { left: 300, top: 225, width: 50, height: 50 } });
    expect(near(at(img, 25, 25), YELLOW)).toBe(true);
  });

  it('cm-pad_resize,bg-FF0000 keeps the whole image and pads with red', async () => {
    const { img } = await render(await solid(400, 200, [0, 0, 255]), 'w-200,h-200,cm-pad_resize,bg-FF0000');
    expect([img.width, img.height]).toEqual([200, 200]);
    expect(near(at(img, 100, 5), RED)).toBe(true); // padding above
    expect(near(at(img, 100, 195), RED)).toBe(true); // padding below
    expect(near(at(img, 100, 100), BLUE)).toBe(true);
    const top = await render(await solid(400, 200, [0, 0, 255]), 'w-200,h-200,cm-pad_resize,bg-FF0000,fo-top');
    expect(near(at(top.img, 100, 5), BLUE)).toBe(true); // image at the top, all padding below
    expect(near(at(top.img, 100, 195), RED)).toBe(true);
  });

  it('cm-pad_resize with bg-blurred fills the padding with a blurred copy, not black', async () => {
    const { img } = await render(await solid(400, 200, [0, 200, 0]), 'w-200,h-200,cm-pad_resize,bg-blurred');
    expect(near(at(img, 100, 5), [0, 200, 0])).toBe(true);
  });

  it('cm-extract cuts a region by x,y without resizing; xc/yc outside the image is a 400 naming xc', async () => {
    const { img } = await render(quad, 'w-100,h-100,cm-extract,x-250,y-10');
    expect([img.width, img.height]).toEqual([100, 100]);
    expect(near(at(img, 50, 50), GREEN)).toBe(true);
    const byFocus = await render(quad, 'w-100,h-100,cm-extract,fo-bottom_left');
    expect(near(at(byFocus.img, 50, 50), BLUE)).toBe(true);
    await expect(render(quad, 'w-100,h-100,cm-extract,xc-390,yc-150')).rejects.toMatchObject({ param: 'xc' });
  });

  it('cm-pad_extract pads a region larger than the image with bg', async () => {
    const { img } = await render(await solid(300, 300, [0, 0, 255]), 'w-400,h-400,cm-pad_extract,bg-FF0000');
    expect([img.width, img.height]).toEqual([400, 400]);
    expect(near(at(img, 5, 5), RED)).toBe(true);
    expect(near(at(img, 200, 200), BLUE)).toBe(true);
  });
});

describe('rotation and flips', () => {
  it('rt-90 swaps the dimensions and turns the top-left quadrant to the top-right', async () => {
    const { img } = await render(quad, 'rt-90');
    expect([img.width, img.height]).toEqual([300, 400]);
    expect(near(at(img, 250, 50), RED)).toBe(true);
    const ccw = await render(quad, 'rt-N90');
    expect(near(at(ccw.img, 50, 350), RED)).toBe(true);
  });

  it('rt-45 grows the canvas', async () => {
    const { img } = await render(quad, 'rt-45');
    expect(img.width).toBeGreaterThan(480);
    expect(img.height).toBeGreaterThan(480);
  });

  it('rt-90:w-300 differs from w-300:rt-90, as chained steps apply left to right', async () => {
    const rotateFirst = await render(quad, 'rt-90:w-300');
    const resizeFirst = await render(quad, 'w-300:rt-90');
    expect([rotateFirst.width, rotateFirst.height]).toEqual([300, 400]);
    expect([resizeFirst.width, resizeFirst.height]).toEqual([225, 300]);
  });

  it('fl-h mirrors horizontally, fl-v vertically, fl-h_v both', async () => {
    expect(near(at((await render(quad, 'fl-h')).img, 10, 10), GREEN)).toBe(true);
    expect(near(at((await render(quad, 'fl-v')).img, 10, 10), BLUE)).toBe(true);
    expect(near(at((await render(quad, 'fl-h_v')).img, 10, 10), YELLOW)).toBe(true);
  });
});

describe('limits are refused before decoding', () => {
  /** A PNG whose header claims 50000×50000 but holds no pixel data: decoding it would need 7.5 GB. */
  function pixelBomb(): Buffer {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(50_000, 0);
    ihdr.writeUInt32BE(50_000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const idat = zlib.deflateSync(Buffer.alloc(64));
    return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
  }

  it('a 2.5-gigapixel header is an ELIMIT 400', async () => {
    const before = process.memoryUsage().rss;
    await expect(render(pixelBomb(), 'w-100')).rejects.toMatchObject({ status: 400, headers: { 'ik-error': expect.stringMatching(/^ELIMIT/) } });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a requested 60000×60000 output is an ELIMIT 400; a dimension over 65535 is ignored', async () => {
    await expect(render(quad, 'w-60000,h-60000,c-force')).rejects.toMatchObject({ status: 400 });
    expect((await render(quad, 'w-70000')).img).toMatchObject({ width: 400, height: 300 });
  });

  it('a bad value is a TransformationError naming the parameter', async () => {
    await expect(render(quad, 'w-abc')).rejects.toBeInstanceOf(TransformationError);
    await expect(render(quad, 'w-abc')).rejects.toMatchObject({ param: 'w' });
  });
});

it('sharp-made JPEG input round-trips metadata-free by default', async () => {
  const withExif = await sharp(await solid(100, 100, [10, 20, 30], 'jpeg')).withExif({ IFD0: { Copyright: 'MediaDesk test' } }).jpeg().toBuffer();
  const stripped = await sharp((await render(withExif, 'w-50')).data).metadata();
  const kept = await sharp((await render(withExif, 'w-50,md-true')).data).metadata();
  expect(stripped.exif).toBeUndefined();
  expect(kept.exif?.toString('latin1')).toContain('MediaDesk test');
});

it('the one-pipeline fast path and the general step path give the same geometry and pixels', async () => {
  const input = await quadrants(400, 300, 'jpeg');
  for (const tr of ['w-120,h-80', 'w-120,h-80,fo-top_left', 'w-150,h-150,cm-pad_resize,bg-00FF00', 'w-90,c-at_max', 'w-200,h-200,c-force']) {
    const fast = await render(input, `${tr},f-png`);
    const general = await render(input, `${tr},o-100,f-png`); // o-100 changes nothing but forces the step path
    expect([fast.width, fast.height], tr).toEqual([general.width, general.height]);
    for (const [x, y] of [[5, 5], [fast.width - 5, fast.height - 5], [Math.floor(fast.width / 2), 3]]) {
      expect(near(at(fast.img, x, y), at(general.img, x, y).slice(0, 3) as [number, number, number], 12), `${tr} @${x},${y}`).toBe(true);
    }
  }
});
