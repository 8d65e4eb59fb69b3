/** ImageKit's cap on URLs in one purge request (dashboard and our requests alike). */
export const MAX_URLS_PER_REQUEST = 100;

/** Splits `items` into consecutive groups of at most `size` (the last one may be shorter). */
export function toBatches<T>(items: readonly T[], size: number = MAX_URLS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a positive integer, got ${size}.`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
