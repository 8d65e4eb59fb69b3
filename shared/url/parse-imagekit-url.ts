// A pasted ImageKit URL back into the options the SDK's buildSrc takes, so the builder can fill itself in.
//
// The SDK puts the pieces in a fixed order — endpoint path, optional `tr:` segment, src; then the query:
// src's own query, extra parameters, `tr`, and last `ik-t`/`ik-s` — and inserts the transformation string
// verbatim (commas and colons unencoded). Parsing reads the raw text in that order rather than a
// normalised URL, so building the result reproduces the pasted string; where it cannot, a warning says why.
import { parseTransformationString } from './parse-transformation.js';
import type { BuildUrlOptions, ParsedImageKitUrl, ParsedSignature } from './url-types.js';
import { decodeQueryPair, encodeQueryPair, normalisePathname, parseWebUrl } from './web-platform.js';

export class ImageKitUrlError extends Error {
  override name = 'ImageKitUrlError';
}

const SCHEME_AND_HOST = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)(.*)$/;

function takeSignature(pairs: string[]): ParsedSignature | undefined {
  const last = pairs[pairs.length - 1];
  if (!last?.startsWith('ik-s=')) return undefined;
  pairs.pop();
  const signature: ParsedSignature = { value: last.slice('ik-s='.length) };
  const expiry = /^ik-t=(\d+)$/.exec(pairs[pairs.length - 1] ?? '');
  if (expiry) {
    pairs.pop();
    signature.expiresAt = Number(expiry[1]);
  }
  return signature;
}

/** Removes the transformation's `tr=` pair (the SDK writes it after every other parameter). */
function takeQueryTransformation(pairs: string[], warnings: string[]): string | undefined {
  let index = pairs.length - 1;
  while (index >= 0 && !pairs[index].startsWith('tr=')) index--;
  if (index < 0 || pairs[index] === 'tr=') return undefined;
  const [pair] = pairs.splice(index, 1);
  if (index !== pairs.length) warnings.push('The tr parameter is not the last one; building puts it after the others.');
  const raw = pair.slice('tr='.length);
  // Older SDKs form-encoded the whole value (no literal `,` or `:` left); current ones write it verbatim,
  // where `%2C` can only be part of a value (plain-encoded layer text).
  if (/[,:]/.test(raw) || !/%2C|%3A/i.test(raw)) return raw;
  warnings.push('The transformation was percent-encoded (older SDKs); building writes it unencoded.');
  return decodeQueryPair(pair)[1];
}

function queryParametersFrom(pairs: string[], warnings: string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  const names: string[] = [];
  for (const pair of pairs) {
    if (pair === '') {
      warnings.push('Empty query parameters are dropped.');
      continue;
    }
    const [name, value] = decodeQueryPair(pair);
    if (Object.hasOwn(parameters, name)) {
      warnings.push(`Query parameter "${name}" appears more than once; only the first is kept.`);
      continue;
    }
    if (encodeQueryPair(name, value) !== pair) warnings.push(`Query parameter "${name}" will be re-encoded as ${encodeQueryPair(name, value)}.`);
    // defineProperty: a pasted name such as `__proto__` must stay an ordinary parameter.
    Object.defineProperty(parameters, name, { value, enumerable: true, writable: true, configurable: true });
    names.push(name);
  }
  // Objects list integer-like keys first, and the SDK writes parameters in object order.
  if (Object.keys(parameters).join('&') !== names.join('&')) warnings.push('Numeric query parameter names move first when the URL is built.');
  return parameters;
}

/** src as the person would type it (decoded) when the SDK re-encodes it to the same text; else as found. */
function readableSrc(rawSrc: string, warnings: string[]): string {
  if (/\/\/+/.test(rawSrc)) warnings.push('Repeated slashes in the path collapse to one when the URL is built.');
  let decoded: string | undefined;
  try {
    decoded = decodeURIComponent(rawSrc);
  } catch {
    decoded = undefined;
  }
  if (decoded !== undefined && normalisePathname(decoded) === rawSrc) return decoded;
  if (normalisePathname(rawSrc) !== rawSrc) warnings.push('The path is not in normalised URL form; building re-encodes it.');
  return rawSrc;
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export function parseImageKitUrl(url: string, urlEndpoint: string): ParsedImageKitUrl {
  const input = url.trim();
  const parsedInput = parseWebUrl(input);
  if (!parsedInput || !/^https?:$/.test(parsedInput.protocol)) {
    throw new ImageKitUrlError(`Not an http(s) URL: "${input.slice(0, 200)}"`);
  }
  const endpoint = urlEndpoint ? parseWebUrl(urlEndpoint) : undefined;
  if (urlEndpoint && !endpoint) throw new ImageKitUrlError(`The URL endpoint is not a valid URL: "${urlEndpoint}"`);

  const warnings: string[] = [];
  let withoutHash = input;
  if (input.includes('#')) {
    warnings.push('The #fragment is not part of an ImageKit URL and is dropped.');
    withoutHash = input.slice(0, input.indexOf('#'));
  }
  const queryStart = withoutHash.indexOf('?');
  const base = queryStart < 0 ? withoutHash : withoutHash.slice(0, queryStart);
  const pairs = queryStart < 0 ? [] : withoutHash.slice(queryStart + 1).split('&');
  const signature = takeSignature(pairs);
  const queryTransformation = takeQueryTransformation(pairs, warnings);

  const [, rawOrigin, rawPathAndMore] = SCHEME_AND_HOST.exec(base) ?? ['', base, ''];
  const rawPath = rawPathAndMore || '/';
  const prefix = endpoint ? withTrailingSlash(endpoint.pathname) : '';
  const underEndpoint = !!endpoint && parseWebUrl(rawOrigin)?.origin === endpoint.origin && rawPath.startsWith(prefix);

  // A `tr` query pair wins: the SDK never writes both, and with `?tr=` a leading `tr:` segment is part of src.
  let rest = rawPath.slice(prefix.length);
  let pathTransformation: string | undefined;
  const segmentEnd = rest.indexOf('/');
  if (underEndpoint && queryTransformation === undefined && rest.startsWith('tr:') && segmentEnd > 'tr:'.length) {
    pathTransformation = rest.slice('tr:'.length, segmentEnd);
    rest = rest.slice(segmentEnd + 1);
  }
  const parameterWarnings: string[] = [];
  const queryParameters = queryParametersFrom(pairs, parameterWarnings);
  // The SDK keeps an absolute src's own query verbatim; extra parameters would be re-encoded. So a query
  // that does not survive re-encoding stays inside an absolute src (possible unless tr is in the path).
  const keepQueryInSrc = !underEndpoint || (pathTransformation === undefined && parameterWarnings.length > 0);

  const common = {
    urlEndpoint,
    transformation: parseTransformationString(pathTransformation ?? queryTransformation ?? '', warnings),
    signed: !!signature,
    ...(signature ? { signature } : {}),
    underEndpoint,
    warnings,
  };
  if (keepQueryInSrc) {
    const query = pairs.length ? `?${pairs.join('&')}` : '';
    return { ...common, src: base + query, transformationPosition: 'query', queryParameters: {} };
  }
  warnings.push(...parameterWarnings);
  return {
    ...common,
    src: readableSrc(`/${rest}`, warnings),
    transformationPosition: pathTransformation === undefined ? 'query' : 'path',
    queryParameters,
  };
}

/**
 * Options that rebuild the parsed URL. A parsed `ik-t` becomes `expiresIn` relative to `nowSeconds`. An
 * already-expired one gives no `expiresIn`, so building would sign without expiry: the builder should show
 * `signature.expiresAt` as expired and ask for a new expiry first.
 */
export function toBuildOptions(parsed: ParsedImageKitUrl, nowSeconds: number): BuildUrlOptions {
  const options: BuildUrlOptions = {
    urlEndpoint: parsed.urlEndpoint,
    src: parsed.src,
    transformation: parsed.transformation,
    transformationPosition: parsed.transformationPosition,
    signed: parsed.signed,
  };
  if (Object.keys(parsed.queryParameters).length) options.queryParameters = parsed.queryParameters;
  const expiresAt = parsed.signature?.expiresAt;
  if (expiresAt !== undefined && expiresAt > nowSeconds) options.expiresIn = expiresAt - nowSeconds;
  return options;
}
