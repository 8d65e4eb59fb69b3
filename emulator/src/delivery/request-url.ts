/**
 * Splits a delivery URL (path and query exactly as the client sent them, relative to the URL
 * endpoint) into the parts the route needs. Values stay percent-encoded where the transformation
 * parser expects them to be.
 */
export interface DeliveryUrl {
  /** Decoded library path, e.g. `/folder/a b.jpg`. */
  filePath: string;
  /** Transformation string from the path (`tr:`) then the query (`?tr=`), joined as chained steps. */
  tr: string | undefined;
  /** Raw query pairs in order, without the signature parameters. */
  query: [string, string][];
  signature: { s?: string; t?: string };
  versionId: string | undefined;
  attachment: boolean;
  /** Path + query minus ik-s/ik-t, as written: the cache key and the string that was signed. */
  unsignedRelative: string;
  /** Raw path without the `tr:` segment or query: identifies "this file" for purges. */
  fileKey: string;
}

export class BadDeliveryUrl extends Error {}

const SIGNATURE_PARAMS = new Set(['ik-s', 'ik-t']);

function decodePart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadDeliveryUrl(`Malformed percent-encoding in "${raw}".`);
  }
}

/** Query `tr` values: current SDKs leave `,`/`:` raw; legacy SDKs form-encode the whole string once. */
function queryTr(raw: string): string {
  const plus = raw.replace(/\+/g, '%20');
  return /[,:]/.test(plus) || !/%2C|%3A/i.test(plus) ? plus : decodePart(plus);
}

/** `relative` is everything after `<urlEndpoint>/`, e.g. `tr:w-100/a.jpg?updatedAt=1`. */
export function parseDeliveryUrl(relative: string): DeliveryUrl {
  const q = relative.indexOf('?');
  const rawPath = q < 0 ? relative : relative.slice(0, q);
  const rawQuery = q < 0 ? '' : relative.slice(q + 1);
  const segments = rawPath.split('/').filter((s, i) => !(i === 0 && s === ''));
  let pathTr: string | undefined;
  if (segments[0]?.startsWith('tr:')) pathTr = segments.shift()!.slice(3);
  if (pathTr !== undefined && pathTr === '') throw new BadDeliveryUrl('Empty transformation in "tr:".');
  const filePath = '/' + segments.map(decodePart).join('/');
  if (filePath === '/' || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new BadDeliveryUrl(`"/${rawPath}" is not a file path.`);
  }

  const kept: string[] = [];
  const query: [string, string][] = [];
  const signature: DeliveryUrl['signature'] = {};
  let queryTrValue: string | undefined;
  for (const item of rawQuery === '' ? [] : rawQuery.split('&')) {
    const eq = item.indexOf('=');
    const name = decodePart(eq < 0 ? item : item.slice(0, eq));
    const value = eq < 0 ? '' : item.slice(eq + 1);
    if (SIGNATURE_PARAMS.has(name)) {
      signature[name === 'ik-s' ? 's' : 't'] = decodePart(value);
      continue;
    }
    kept.push(item);
    query.push([name, value]);
    if (name === 'tr') queryTrValue = queryTr(value);
  }
  const trs = [pathTr, queryTrValue].filter((t): t is string => t !== undefined && t !== '');
  const versionRaw = query.find(([n]) => n === 'ik-obj-version')?.[1];
  const pathWithoutTr = '/' + segments.join('/');
  return {
    filePath,
    tr: trs.length > 0 ? trs.join(':') : undefined,
    query,
    signature,
    versionId: versionRaw === undefined ? undefined : decodePart(versionRaw),
    attachment: query.some(([n, v]) => n === 'ik-attachment' && v === 'true'),
    unsignedRelative: rawPath + (kept.length > 0 ? `?${kept.join('&')}` : ''),
    fileKey: pathWithoutTr.slice(1),
  };
}
