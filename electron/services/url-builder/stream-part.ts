// The builder's stream player loads manifests, playlists and segments through here: the page may talk to
// nothing but its own origin (CSP connect-src 'self'), and a Local library or ImageKit endpoint is another
// origin that sends no CORS headers for the page anyway. Only URLs under the profile's own URL endpoint are
// fetched, without following redirects off it, with a size cap, so the page cannot use this to reach
// anything else on the network.
import { AppError } from '../../../shared/ipc/index';
import type { StreamPart } from '../../../shared/ipc/areas/urls';
import { errorMessage } from '../../../shared/error-message';
import { failureMessage, fetchReady } from './url-probe';

/** The largest part the preview plays (a 6 s 1080p segment at a high bitrate is well under this). */
export const MAX_STREAM_PART_BYTES = 32 * 1024 * 1024;

export interface StreamPartRequest {
  url: string;
  rangeStart?: number;
  /** Exclusive, as hls.js gives it. */
  rangeEnd?: number;
}

export interface StreamPartOptions {
  /** A manifest still being packaged answers 503 with Retry-After: waited for up to this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  maxBytes?: number;
}

/**
 * The URL when it lies under `urlEndpoint` (same scheme, host and port, and inside its path), else a
 * BAD_INPUT error that says which endpoint the player may load from.
 */
export function streamPartUrl(raw: string, urlEndpoint: string): URL {
  const endpoint = new URL(urlEndpoint);
  const refuse = () => new AppError('BAD_INPUT', `url: The player only loads stream files under this profile's URL endpoint (${urlEndpoint}).`);
  if (!URL.canParse(raw)) throw new AppError('BAD_INPUT', 'url: That is not a URL.');
  const url = new URL(raw);
  if (url.origin !== endpoint.origin || url.username || url.password) throw refuse();
  const base = endpoint.pathname.endsWith('/') ? endpoint.pathname : `${endpoint.pathname}/`;
  // URL() has already resolved dot segments, so "/<id>/../other" cannot pass as "/<id>/…".
  if (!url.pathname.startsWith(base)) throw refuse();
  return url;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return undefined;
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

export async function fetchStreamPart(request: StreamPartRequest, urlEndpoint: string, options: StreamPartOptions = {}): Promise<StreamPart> {
  const url = streamPartUrl(request.url, urlEndpoint).href;
  const maxBytes = options.maxBytes ?? MAX_STREAM_PART_BYTES;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 180_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const { rangeStart, rangeEnd } = request;
  const range = rangeStart === undefined ? undefined : `bytes=${rangeStart}-${rangeEnd === undefined ? '' : rangeEnd - 1}`;
  let response: Response;
  try {
    // Redirects are not followed (a stream part never leaves its endpoint); a render still being prepared
    // (302, or 503 with Retry-After while packaging) is asked again, as the preview's own request does.
    response = await fetchReady(url, { media: true, accept: '*/*', fetch: options.fetch, ...(range ? { headers: { range } } : {}) }, signal);
  } catch (error) {
    if (options.signal?.aborted) throw error; // the router answers CANCELLED
    const why = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer in time' : errorMessage(error);
    throw new AppError('UNREACHABLE', `Could not load the stream file: ${why}.`);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const base = { url, status: response.status, ...(contentType ? { contentType } : {}) };
  const body = await readCapped(response, maxBytes);
  if (!body) {
    await response.body?.cancel().catch(() => undefined);
    const limit = Math.round(maxBytes / 1024 / 1024);
    return { ...base, ok: false, status: 413, bytes: 0, error: `This stream file is larger than ${limit} MB, more than the preview plays; open the stream in a player page instead.` };
  }
  if (!response.ok) return { ...base, ok: false, bytes: body.byteLength, error: failureMessage(response.status, response.headers.get('ik-error'), body) };
  return { ...base, ok: true, bytes: body.byteLength, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') };
}
