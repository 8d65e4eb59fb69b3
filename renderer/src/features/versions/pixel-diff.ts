/** RGBA pixels as a canvas gives them (`ImageData.data`). */
export type Rgba = Uint8ClampedArray;

export interface PixelDiff {
  /** An RGBA image: differing pixels in solid red, identical ones as a faded grey of the first image. */
  image: Uint8ClampedArray<ArrayBuffer>;
  differing: number;
  total: number;
  /** Largest per-channel difference seen (0–255). */
  maxDelta: number;
}

/**
 * Compares two same-size RGBA buffers. A pixel "differs" when any channel (alpha included) moves by
 * more than `threshold`, which absorbs re-encoding noise (JPEG rounding) without hiding real edits.
 */
export function diffPixels(a: Rgba, b: Rgba, threshold = 16): PixelDiff {
  if (a.length !== b.length || a.length % 4 !== 0) throw new Error(`Images differ in size (${a.length} vs ${b.length} bytes).`);
  const image = new Uint8ClampedArray(new ArrayBuffer(a.length));
  let differing = 0;
  let maxDelta = 0;
  for (let i = 0; i < a.length; i += 4) {
    let delta = 0;
    for (let c = 0; c < 4; c += 1) delta = Math.max(delta, Math.abs(a[i + c]! - b[i + c]!));
    maxDelta = Math.max(maxDelta, delta);
    if (delta > threshold) {
      differing += 1;
      image.set([255, 0, 0, 255], i);
    } else {
      const grey = Math.round((a[i]! * 0.3 + a[i + 1]! * 0.59 + a[i + 2]! * 0.11) * 0.35 + 160);
      image.set([grey, grey, grey, 255], i);
    }
  }
  return { image, differing, total: a.length / 4, maxDelta };
}

export function describeDiff(diff: Pick<PixelDiff, 'differing' | 'total'>): string {
  if (diff.differing === 0) return 'The two versions look identical (no pixel differs).';
  const share = (diff.differing / diff.total) * 100;
  const pct = share < 0.1 ? '<0.1' : share.toFixed(share < 10 ? 1 : 0);
  return `${pct}% of pixels differ (${diff.differing.toLocaleString()} of ${diff.total.toLocaleString()}).`;
}
