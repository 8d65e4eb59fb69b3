import sharp from 'sharp';

const SIZE = 32;
const LOW = 8;

/** cos((2x+1)uπ / 2N) for the 32-point DCT-II, computed once. */
const COS: Float64Array[] = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
);

/**
 * 64-bit DCT perceptual hash, as 16 hex digits (ImageKit's `pHash`). The classic algorithm
 * (pHash.org, Python `imagehash.phash`): greyscale, 32×32, 2-D DCT-II, keep the 8×8 lowest
 * frequencies, set a bit for each coefficient above their median, most significant bit first. Distances between
 * hashes: `pHashDistance` in shared/imagekit/phash.
 */
export async function perceptualHash(input: Buffer | string): Promise<string> {
  const { data, info } = await sharp(input, { failOn: 'none' })
    .removeAlpha()
    .greyscale()
    .resize(SIZE, SIZE, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const stride = info.channels;
  const pixels = (x: number, y: number) => data[(y * SIZE + x) * stride];

  // Separable DCT: rows first (only the 8 lowest u), then columns (only the 8 lowest v).
  const rows: Float64Array[] = Array.from({ length: SIZE }, (_, y) =>
    Float64Array.from({ length: LOW }, (_, u) => {
      let s = 0;
      for (let x = 0; x < SIZE; x++) s += pixels(x, y) * COS[u][x];
      return s;
    }),
  );
  const coeffs: number[] = [];
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let y = 0; y < SIZE; y++) s += rows[y][u] * COS[v][y];
      coeffs.push(s);
    }
  }
  const sorted = [...coeffs].sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  let hash = 0n;
  for (const c of coeffs) hash = (hash << 1n) | (c > median ? 1n : 0n);
  return hash.toString(16).padStart(16, '0');
}
