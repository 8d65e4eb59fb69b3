import { readFile } from 'node:fs/promises';
import { extractImageMetadata, type ImageMetadata } from './extract.js';

export { extractImageMetadata, UnreadableImageError, type ImageMetadata } from './extract.js';
export { perceptualHash } from './phash.js';
export { estimateJpegQuality } from './jpeg-quality.js';
export { readExifGroups, type ExifGroups } from './exif.js';

/**
 * Blobs are content-addressed and immutable, so a blob's metadata never changes: keep the most
 * recently used results (pHash and transparency need a full decode) keyed by blob hash.
 */
const CACHE_LIMIT = 256;
const cache = new Map<string, Promise<ImageMetadata>>();

/** Metadata of a stored blob (`blobHash` names it, `blobPath` is where its bytes are). */
export function metadataForBlob(blobHash: string, blobPath: string): Promise<ImageMetadata> {
  const hit = cache.get(blobHash);
  if (hit) {
    cache.delete(blobHash);
    cache.set(blobHash, hit);
    return hit;
  }
  const pending = readFile(blobPath).then(extractImageMetadata);
  cache.set(blobHash, pending);
  // A failure is not cached: the next call tries again (and reports the error again).
  pending.catch(() => cache.delete(blobHash));
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return pending;
}
