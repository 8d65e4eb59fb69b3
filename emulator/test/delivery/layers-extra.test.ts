import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';
import { at, bbox, near, solid } from './pixels.js';
import { render } from './render-helpers.js';

const dark = ([r, g, b]: number[]) => r < 100 && g < 100 && b < 100;

describe('layer positioning and modes', () => {
  it('lxc/lyc centre the layer; lap-center anchors lx/ly at the layer centre', async () => {
    const base = await solid(200, 200, [255, 255, 255]);
    const centred = await render(base, 'l-image,i-ik_canvas,bg-000000,w-20,h-20,lxc-50,lyc-60,l-end,f-png');
    expect(bbox(centred.img, dark)).toMatchObject({ left: 40, top: 50, right: 59, bottom: 69 });
    const anchored = await render(base, 'l-image,i-ik_canvas,bg-000000,w-20,h-20,lx-50,ly-60,lap-center,l-end,f-png');
    expect(bbox(anchored.img, dark)).toMatchObject({ left: 40, top: 50 });
  });

  it('al sets a solid block\'s opacity; lm-multiply darkens; lm-cutout punches a hole', async () => {
    const base = await solid(100, 100, [200, 200, 200]);
    const half = await render(base, 'l-image,i-ik_canvas,bg-000000,w-50,h-50,al-5,lfo-top_left,l-end,f-png');
    expect(near(at(half.img, 10, 10), [100, 100, 100], 6)).toBe(true);
    const multiplied = await render(await solid(100, 100, [255, 128, 0]), 'l-image,i-ik_canvas,bg-808080,w-50,h-50,lm-multiply,lfo-top_left,l-end,f-png');
    expect(near(at(multiplied.img, 10, 10), [128, 64, 0], 6)).toBe(true);
    const cut = await render(base, 'l-image,i-ik_canvas,bg-000000,w-50,h-50,lm-cutout,lfo-top_left,l-end,f-png');
    expect(at(cut.img, 10, 10)[3]).toBe(0);
    expect(at(cut.img, 80, 80)[3]).toBe(255);
  });

  it('tg-b draws heavier strokes than regular text; ia and lh are accepted', async () => {
    const base = await solid(400, 100, [255, 255, 255]);
    const count = async (tr: string) => bbox((await render(base, tr)).img, dark)!.count;
    expect(await count('l-text,i-Heavy,fs-40,tg-b,l-end,f-png')).toBeGreaterThan(await count('l-text,i-Heavy,fs-40,l-end,f-png'));
    expect((await render(base, 'l-text,i-a%20b%20c,w-30,ia-left,lh-10,fs-20,l-end,f-png')).img.width).toBe(400);
  });

  it('a layer image gets its own chain: rotated then resized', async () => {
    const files = { '/bar.png': await solid(100, 20, [0, 0, 0]) };
    const { img } = await render(await solid(200, 200, [255, 255, 255]), 'l-image,i-bar.png,t-false,rt-90:h-50,lfo-top_left,l-end,f-png', { files });
    expect(bbox(img, dark)).toMatchObject({ left: 0, top: 0, right: 9, bottom: 49 });
  });
});

describe('custom fonts from the media library', () => {
  const emu = withEmulator();
  it('ff-<path>.ttf renders text with an uploaded font file', async () => {
    const fontFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts/DejaVuSerif.ttf');
    await uploadImage(emu.current, 'Serif.ttf', await readFile(fontFile), { folder: '/fonts' });
    await uploadImage(emu.current, 'white.png', await solid(300, 100, [255, 255, 255]));
    const custom = await get(`${emu.current.urlEndpoint}/tr:l-text,i-Serif,fs-40,ff-fonts@@Serif.ttf,l-end,f-png/white.png`);
    const bundled = await get(`${emu.current.urlEndpoint}/tr:l-text,i-Serif,fs-40,l-end,f-png/white.png`);
    expect(custom.status).toBe(200);
    expect(bbox(custom.img!, dark)).toBeDefined();
    expect(custom.body.equals(bundled.body)).toBe(false);
    const missing = await get(`${emu.current.urlEndpoint}/tr:l-text,i-x,ff-fonts@@nope.ttf,l-end/white.png`);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body.toString()).message).toContain('nope.ttf');
  });
});

it('pg-2 renders the second frame of an animated GIF; GIF input stays GIF under f-auto', async () => {
  const frame = (background: string) => sharp({ create: { width: 40, height: 30, channels: 3, background } }).png().toBuffer();
  const gif = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } }).gif().toBuffer();
  const second = await render(gif, 'w-20,pg-2', { accept: 'image/webp' });
  expect(near(at(second.img, 10, 10), [0, 0, 255], 30)).toBe(true);
  const first = await render(gif, 'w-20');
  expect(first.mime).toBe('image/gif');
  expect(near(at(first.img, 10, 10), [255, 0, 0], 30)).toBe(true);
});
