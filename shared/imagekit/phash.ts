/** A 64-bit perceptual hash as ImageKit reports it: 16 hex digits. */
const PHASH = /^[0-9a-f]{1,16}$/i;

export function isPHash(value: unknown): value is string {
  return typeof value === 'string' && PHASH.test(value);
}

/** Differing bits between two pHashes: 0 = same picture, up to ~10 = visually similar, 64 = opposite. */
export function pHashDistance(a: string, b: string): number {
  if (!isPHash(a) || !isPHash(b)) throw new RangeError(`Not a pHash: ${isPHash(a) ? b : a}`);
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  while (x > 0n) {
    bits += Number(x & 1n);
    x >>= 1n;
  }
  return bits;
}

/** Sorts candidates by distance to `reference` (closest first; ties by name so the order is stable). */
export function rankBySimilarity<T extends { pHash: string; name: string }>(reference: string, candidates: readonly T[]): Array<T & { distance: number }> {
  return candidates
    .map((c) => ({ ...c, distance: pHashDistance(reference, c.pHash) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
}
