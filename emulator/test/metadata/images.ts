import sharp from 'sharp';

/** A camera-like JPEG: EXIF in IFD0, Exif and GPS IFDs, an sRGB ICC profile and 300 dpi. */
export function cameraJpeg(quality = 80, width = 100, height = 68): Promise<Buffer> {
  return sharp(shapes(width, height))
    .jpeg({ quality })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS 40D', Software: 'GIMP 2.4.5', DateTime: '2008:07:31 10:38:11', Orientation: '1' },
      IFD2: {
        ExposureTime: '1/160',
        FNumber: '71/10',
        ISOSpeedRatings: '100',
        DateTimeOriginal: '2008:05:30 15:56:01',
        DateTimeDigitized: '2008:05:30 15:56:01',
        UserComment: 'hello',
      },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '12/1 30/1 0/1', GPSVersionID: '2 2 0 0' },
    })
    .withIccProfile('srgb')
    .withMetadata({ density: 300 })
    .toBuffer();
}

/** A picture with structure (so perceptual hashes mean something), as an SVG for sharp. */
export function shapes(width: number, height: number, variant: 'circles' | 'stripes' = 'circles'): Buffer {
  const body =
    variant === 'circles'
      ? `<rect width="100" height="100" fill="#fff"/><circle cx="30" cy="35" r="22" fill="#c00"/><circle cx="72" cy="70" r="18" fill="#036"/>`
      : `<rect width="100" height="100" fill="#222"/>${[0, 20, 40, 60, 80].map((x) => `<rect x="${x}" width="10" height="100" fill="#eee"/>`).join('')}`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 100 100" preserveAspectRatio="none">${body}</svg>`,
  );
}

export function pngOf(svg: Buffer): Promise<Buffer> {
  return sharp(svg).png().toBuffer();
}

/** RGBA PNG whose alpha is fully opaque (an alpha channel, but no transparency). */
export function opaqueRgbaPng(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 1 } } }).png().toBuffer();
}

/** RGBA PNG whose left half is fully transparent. */
export function transparentPng(): Promise<Buffer> {
  const pixels = Buffer.alloc(8 * 8 * 4, 200);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 4; x++) pixels[(y * 8 + x) * 4 + 3] = 0;
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 4 } }).png().toBuffer();
}
