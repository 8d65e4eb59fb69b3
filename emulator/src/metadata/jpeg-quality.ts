/**
 * Estimates the quality setting a JPEG was saved with, from its luminance quantisation table
 * (DQT marker). Encoders derived from the IJG library (libjpeg, mozjpeg, libvips/sharp, most
 * cameras' software) scale the standard table of ITU-T T.81 Annex K by
 * `s = q < 50 ? 5000 / q : 200 - 2q` percent; inverting that on the average scale recovers `q`.
 */
const STD_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87,
  80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72,
  92, 95, 98, 112, 100, 103, 99,
];

/** Natural (row-major) index of the i-th coefficient in zig-zag order, the order DQT stores them in. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47,
  55, 62, 63,
];
const STD_LUMINANCE_ZIGZAG = ZIGZAG.map((natural) => STD_LUMINANCE[natural]);

/** Quality 1–100, or `undefined` when `bytes` is not a JPEG with a luminance table. */
export function estimateJpegQuality(bytes: Buffer): number | undefined {
  const found = findLuminanceTable(bytes);
  if (!found) return undefined;
  const { table, max } = found;
  // Entries clamped to 1 or to the maximum no longer carry the scale: leave them out.
  let sum = 0;
  let stdSum = 0;
  for (let i = 0; i < 64; i++) {
    if (table[i] > 1 && table[i] < max) {
      sum += table[i];
      stdSum += STD_LUMINANCE_ZIGZAG[i];
    }
  }
  if (stdSum === 0) return table.every((v) => v <= 1) ? 100 : 1;
  const scale = (sum * 100) / stdSum;
  const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  return Math.min(100, Math.max(1, Math.round(quality)));
}

/** Quantisation table 0 (zig-zag order, as stored) and its largest encodable value, from the DQT segments. */
function findLuminanceTable(bytes: Buffer): { table: number[]; max: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // start of scan / end: no DQT before it
    const length = bytes.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    if (marker === 0xdb) {
      let p = pos + 4;
      while (p < end) {
        const precision = bytes[p] >> 4;
        const id = bytes[p] & 0x0f;
        const width = precision === 0 ? 1 : 2;
        if (p + 1 + 64 * width > end) return undefined;
        if (id === 0) {
          const table = Array.from({ length: 64 }, (_, i) => (width === 1 ? bytes[p + 1 + i] : bytes.readUInt16BE(p + 1 + 2 * i)));
          return { table, max: width === 1 ? 255 : 32767 };
        }
        p += 1 + 64 * width;
      }
    }
    pos = end;
  }
  return undefined;
}
