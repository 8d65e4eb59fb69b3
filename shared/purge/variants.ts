import { pathAfterEndpoint } from './purge-rules';

/**
 * The URLs to purge for a changed file: the file's own URL (query dropped: `?updatedAt=` variants are
 * new cache keys anyway) and, for every transformation in use, its path-form variant
 * `<endpoint>/tr:<t>/<path>` as the SDKs build it with `transformationPosition: 'path'`.
 */
export function affectedUrls(fileUrl: string, urlEndpoint: string, transformationsInUse: readonly string[]): string[] {
  const bare = fileUrl.split(/[?#]/)[0];
  const relative = pathAfterEndpoint(bare, urlEndpoint);
  const out = [bare];
  if (relative !== undefined && relative !== '') {
    const endpoint = urlEndpoint.replace(/\/+$/, '');
    for (const t of transformationsInUse) {
      const tr = normaliseTransformation(t);
      if (tr) out.push(`${endpoint}/tr:${tr}/${relative}`);
    }
  }
  return [...new Set(out)];
}

/** Accepts `w-300,h-200`, `tr:w-300`, `?tr=w-300` or `tr=w-300`; empty when nothing is left. */
export function normaliseTransformation(text: string): string {
  return text
    .trim()
    .replace(/^\?/, '')
    .replace(/^tr[:=]/, '')
    .replace(/\/+$/, '');
}

/** The `tr` strings of a free-text list (one per line or comma-free entries), normalised and de-duplicated. */
export function parseTransformationList(text: string): string[] {
  const out = text
    .split(/\r?\n/)
    .map(normaliseTransformation)
    .filter((t) => t !== '');
  return [...new Set(out)];
}
