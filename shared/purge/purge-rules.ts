/** WHATWG URL exists in every runtime this runs in (Node, Chromium); shared/ compiles without DOM types. */
const WebUrl = (globalThis as unknown as { URL: new (input: string) => { protocol: string; pathname: string } }).URL;

function parseUrl(url: string): { protocol: string; pathname: string } | undefined {
  try {
    return new WebUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * ImageKit's rules for what one purge URL may be (docs `features/cache-purging.md`, "Purge Cache for
 * Multiple Files"; API `purge-cache`), checked before anything is sent so a refused URL never costs
 * quota and the person sees why.
 */
export type PurgeUrlCheck =
  | { url: string; ok: true; kind: 'exact' | 'wildcard' }
  | { url: string; ok: false; reason: string };

/** ImageKit's URL length limit for delivery URLs; longer ones can never have been cached. */
const MAX_PURGE_URL_LENGTH = 2048;
/** A wildcard directory path this long (without the endpoint) is allowed even at one level of nesting. */
const MIN_WILDCARD_PATH_CHARS = 15;
/** Patterns ImageKit refuses with a wildcard whatever the other rules say (they purge whole stores). */
const FORBIDDEN_WILDCARD_PATHS = ['media/catalog', 's/files'] as const;

const FILE_WITH_EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

const refuse = (url: string, reason: string): PurgeUrlCheck => ({ url, ok: false, reason });

/** The part of `url` after `<urlEndpoint>/`, keeping the raw (client-written) encoding; undefined if not under it. */
export function pathAfterEndpoint(url: string, urlEndpoint: string): string | undefined {
  const endpoint = urlEndpoint.replace(/\/+$/, '');
  return url.startsWith(`${endpoint}/`) ? url.slice(endpoint.length + 1) : undefined;
}

/**
 * The file path a wildcard applies to: without a leading `tr:` path segment and without the query,
 * which is what ImageKit's nesting / length / extension rules look at.
 */
function wildcardPath(relative: string): string {
  const withoutQuery = relative.split('?')[0];
  return withoutQuery.startsWith('tr:') ? withoutQuery.slice(withoutQuery.indexOf('/') + 1 || withoutQuery.length) : withoutQuery;
}

function checkWildcard(url: string, relative: string): PurgeUrlCheck {
  const path = wildcardPath(relative.slice(0, -1));
  const trimmed = path.replace(/\/+$/, '');
  if (FORBIDDEN_WILDCARD_PATHS.some((forbidden) => trimmed === forbidden)) {
    return refuse(url, `ImageKit never accepts a wildcard on /${trimmed}/; ask ImageKit support to purge that pattern.`);
  }
  const levels = path.split('/').filter(Boolean).length;
  const isCompleteFile = !path.endsWith('/') && FILE_WITH_EXTENSION.test(path);
  if (levels >= 2 || path.length >= MIN_WILDCARD_PATH_CHARS || isCompleteFile) return { url, ok: true, kind: 'wildcard' };
  return refuse(
    url,
    `A wildcard (*) needs a path with at least two levels (/folder/sub*), at least ${MIN_WILDCARD_PATH_CHARS} characters, or a complete file name with extension (/file.jpg*); "/${path}" is none of these.`,
  );
}

/**
 * The rules every purge target meets, including the `<old-url>*` purges ImageKit issues itself after a
 * rename: a web address under the URL endpoint, within the length limit, with at most one `*`, at the end.
 */
export function checkPurgeTarget(raw: string, urlEndpoint: string): PurgeUrlCheck {
  const url = raw.trim();
  if (url === '') return refuse(url, 'The line is empty.');
  if (url.length > MAX_PURGE_URL_LENGTH) return refuse(url, `The URL is longer than ${MAX_PURGE_URL_LENGTH} characters.`);
  const parsed = parseUrl(url);
  if (!/^https?:\/\/\S/i.test(url) || (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:')) {
    return refuse(url, 'This is not a web address (it must start with https://).');
  }
  if (/\s/.test(url)) return refuse(url, 'The URL contains a space; percent-encode it (%20) as in the delivery URL.');
  if (url.includes('#')) return refuse(url, 'A URL with a #fragment is never cached by ImageKit; remove the # part.');
  const relative = pathAfterEndpoint(url, urlEndpoint);
  // `..` segments (also as %2e%2e) would leave the endpoint's path once the URL is normalised.
  const endpointPath = parseUrl(urlEndpoint)?.pathname.replace(/\/+$/, '');
  if (relative === undefined || endpointPath === undefined || !parsed.pathname.startsWith(`${endpointPath}/`)) {
    return refuse(url, `The URL is not under this profile's URL endpoint (${urlEndpoint.replace(/\/+$/, '')}/…).`);
  }
  const star = url.indexOf('*');
  if (star !== -1 && star !== url.length - 1) {
    return refuse(url, 'A wildcard (*) is allowed only once, at the very end of the URL (not inside the path).');
  }
  if (star === -1) {
    if (wildcardPath(relative) === '') return refuse(url, 'The URL names no file: add the file path after the URL endpoint.');
    return { url, ok: true, kind: 'exact' };
  }
  return { url, ok: true, kind: 'wildcard' };
}

/**
 * Checks one URL against all of ImageKit's purge rules for a profile whose URL endpoint is `urlEndpoint`:
 * what the purge API accepts from a client (the emulator's purge route enforces the same function).
 */
export function checkPurgeUrl(raw: string, urlEndpoint: string): PurgeUrlCheck {
  const target = checkPurgeTarget(raw, urlEndpoint);
  if (!target.ok || target.kind === 'exact') return target;
  return checkWildcard(target.url, pathAfterEndpoint(target.url, urlEndpoint)!);
}

/** Splits a pasted list into URLs: one per line, blank lines and surrounding spaces ignored. */
export function splitUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface CheckedList {
  valid: string[];
  refused: Array<{ url: string; reason: string }>;
  /** URLs listed more than once (kept once in `valid`, since each purge counts against the quota). */
  duplicates: string[];
}

/** Checks every URL of a list; duplicates are kept once. */
export function checkPurgeList(urls: readonly string[], urlEndpoint: string): CheckedList {
  const seen = new Set<string>();
  const out: CheckedList = { valid: [], refused: [], duplicates: [] };
  for (const raw of urls) {
    const check = checkPurgeUrl(raw, urlEndpoint);
    if (!check.ok) {
      out.refused.push({ url: check.url, reason: check.reason });
    } else if (seen.has(check.url)) {
      out.duplicates.push(check.url);
    } else {
      seen.add(check.url);
      out.valid.push(check.url);
    }
  }
  return out;
}
