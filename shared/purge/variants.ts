import { pathAfterEndpoint } from './purge-rules';

/** A transformation in use and where the site puts it: `/tr:<t>/path` or `path?tr=<t>` are different cache keys. */
interface TransformationInUse {
  tr: string;
  position: 'path' | 'query';
}

/**
 * Reads one entry of the "transformations in use" list: `w-300,h-200` or `tr:w-300` means the path
 * form (the legacy SDKs' default), `?tr=w-300` or `tr=w-300` the query form (the current SDKs'
 * default). Undefined when nothing is left.
 */
function parseTransformationInUse(text: string): TransformationInUse | undefined {
  const trimmed = text.trim();
  const query = /^\??tr=/.test(trimmed);
  const tr = trimmed
    .replace(/^\??tr[:=]/, '')
    .replace(/\/+$/, '')
    .trim();
  return tr ? { tr, position: query ? 'query' : 'path' } : undefined;
}

/**
 * The URLs to purge for a changed file: the file's own URL (query dropped: `?updatedAt=` variants are
 * new cache keys anyway) and its variant for every transformation in use, in the form it is used.
 */
export function affectedUrls(fileUrl: string, urlEndpoint: string, transformationsInUse: readonly string[]): string[] {
  const bare = fileUrl.split(/[?#]/)[0];
  const relative = pathAfterEndpoint(bare, urlEndpoint);
  const out = [bare];
  if (relative !== undefined && relative !== '') {
    const endpoint = urlEndpoint.replace(/\/+$/, '');
    for (const entry of transformationsInUse) {
      const t = parseTransformationInUse(entry);
      if (t) out.push(t.position === 'path' ? `${endpoint}/tr:${t.tr}/${relative}` : `${bare}?tr=${t.tr}`);
    }
  }
  return [...new Set(out)];
}

/** The entries of a typed list (one per line), trimmed and de-duplicated, each kept in the form written. */
export function parseTransformationList(text: string): string[] {
  const out = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => parseTransformationInUse(line) !== undefined);
  return [...new Set(out)];
}
