import sharp from 'sharp';

/** A "photo" with structure (shapes at fixed places), so pHashes of unrelated pictures differ. */
const scene = (body: string, width = 480, height = 320) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 480 320">${body}</svg>`);

export const referenceScene = scene(
  '<rect width="480" height="320" fill="#87b5e0"/><circle cx="120" cy="100" r="60" fill="#f5d142"/><rect x="0" y="220" width="480" height="100" fill="#3c7a2e"/><polygon points="260,220 360,90 460,220" fill="#6b5a4a"/>',
);

export const unrelatedScenes = [
  scene('<rect width="480" height="320" fill="#222"/><rect x="300" y="20" width="160" height="280" fill="#eee"/><circle cx="90" cy="250" r="50" fill="#c33"/>'),
  scene('<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient></defs><rect width="480" height="320" fill="url(#g)"/>'),
  scene(Array.from({ length: 8 }, (_, i) => `<rect x="${i * 60}" y="${(i % 2) * 160}" width="60" height="160" fill="#000"/>`).join('') + '<rect width="480" height="320" fill="none"/>'),
];

export const jpeg = (svg: Buffer, width?: number) => {
  const image = sharp(svg);
  return (width ? image.resize({ width }) : image).jpeg({ quality: 85 }).withExif({ IFD0: { Make: 'MediaDesk Test Camera', Model: 'I9' } }).toBuffer();
};
