import sharp from 'sharp';

/** Test helpers: images made with sharp, and pixel reads of rendered outputs. */
export type Rgb = [number, number, number];

export async function solid(width: number, height: number, [r, g, b]: Rgb, format: 'jpeg' | 'png' = 'png'): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: { r, g, b } } });
  return format === 'jpeg' ? img.jpeg({ quality: 95 }).toBuffer() : img.png().toBuffer();
}

/** Four coloured quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
export async function quadrants(width = 400, height = 300, format: 'jpeg' | 'png' = 'png'): Promise<Buffer> {
  const w = width / 2;
  const h = height / 2;
  const block = (r: number, g: number, b: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } }).png().toBuffer();
  const img = sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 0 } } }).composite([
    { input: await block(255, 0, 0), left: 0, top: 0 },
    { input: await block(0, 255, 0), left: w, top: 0 },
    { input: await block(0, 0, 255), left: 0, top: h },
    { input: await block(255, 255, 0), left: w, top: h },
  ]);
  return format === 'jpeg' ? img.jpeg({ quality: 95 }).toBuffer() : img.png().toBuffer();
}

export interface Decoded {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
  format: string;
}

export async function decode(buffer: Buffer): Promise<Decoded> {
  const meta = await sharp(buffer).metadata();
  const { data, info } = await sharp(buffer).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data, format: meta.format ?? '' };
}

/** RGBA at (x, y). */
export function at(img: Decoded, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * img.channels;
  return [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
}

/** True when every channel is within `tolerance` of the expected colour (JPEG is lossy). */
export function near(actual: readonly number[], expected: Rgb, tolerance = 40): boolean {
  return expected.every((v, i) => Math.abs(actual[i] - v) <= tolerance);
}

export function magic(buffer: Buffer): string {
  const hex = buffer.subarray(0, 12).toString('hex');
  if (hex.startsWith('ffd8ff')) return 'jpeg';
  if (hex.startsWith('89504e47')) return 'png';
  if (hex.startsWith('47494638')) return 'gif';
  if (buffer.subarray(0, 4).toString('latin1') === 'RIFF' && buffer.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (buffer.subarray(4, 12).toString('latin1') === 'ftypavif') return 'avif';
  return 'unknown';
}

/** Bounding box of pixels for which `pick` is true, or undefined if none. */
export function bbox(img: Decoded, pick: (px: [number, number, number, number]) => boolean): { left: number; top: number; right: number; bottom: number; count: number } | undefined {
  let left = Infinity, top = Infinity, right = -1, bottom = -1, count = 0;
  for (let y = 0; y < img.height; y += 1) {
    for (let x = 0; x < img.width; x += 1) {
      if (!pick(at(img, x, y))) continue;
      count += 1;
      left = Math.min(left, x); top = Math.min(top, y); right = Math.max(right, x); bottom = Math.max(bottom, y);
    }
  }
  return count === 0 ? undefined : { left, top, right, bottom, count };
}
