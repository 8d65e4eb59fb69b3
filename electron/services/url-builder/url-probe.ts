// Requests a delivery URL the way the preview <img> (or <video>) will, and reads what came back: dimensions
// and format from the bytes (image-size), a video's container, a stream manifest's renditions, or the
// server's reason for refusing (the `ik-error` header, else the body).
import { imageSize } from 'image-size';
import type { UrlProbe } from '../../../shared/domain/urls';
import { manifestRenditions } from './manifest-renditions';

/** Chromium's Accept for images, so `f-auto` picks (and the CDN caches) the variant the <img> gets. */
export const BROWSER_IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

/** Chromium's Accept for a media element: `f-auto` on a video then picks what the <video> will get. */
export const BROWSER_MEDIA_ACCEPT = '*/*';

export interface ProbeOptions {
  timeoutMs?: number;
  /** Accept header to send; images by default. */
  accept?: string;
  /**
   * A video or stream URL: ImageKit answers 302 to the original while a video transformation is being
   * prepared (and a stream still being packaged may answer 503 with Retry-After), so those are asked again
   * until the render is ready or the time is up, instead of measuring the original or failing.
   */
  media?: boolean;
  /** The call's cancel signal: a preview superseded by the next slider change stops its request. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
  /** More request headers (a stream segment's Range). */
  headers?: Record<string, string>;
}

function formatFromContentType(contentType: string | undefined): string | undefined {
  const match = /^(?:image|video|audio)\/([a-z0-9.+-]+)/i.exec(contentType ?? '');
  if (!match) return undefined;
  const subtype = match[1].toLowerCase();
  return subtype === 'svg+xml' ? 'svg' : subtype;
}

function sizeOf(body: Uint8Array): { width?: number; height?: number; format?: string } {
  try {
    const size = imageSize(body);
    // image-size reports EXIF orientation 5–8 with swapped sides; ImageKit output has no such tag, but
    // an untransformed original may.
    const swap = typeof size.orientation === 'number' && size.orientation >= 5;
    return { width: swap ? size.height : size.width, height: swap ? size.width : size.height, format: size.type === 'jpg' ? 'jpeg' : size.type };
  } catch {
    return {};
  }
}

/** The server's words for a failed render: ImageKit puts them in `ik-error`, the body may carry `{message}`. */
export function failureMessage(status: number, ikError: string | null, body: Uint8Array): string {
  if (ikError) return ikError;
  const text = new TextDecoder().decode(body.subarray(0, 4096)).trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string' && parsed.message) return parsed.message;
  } catch {
    /* not JSON */
  }
  return text && text.length < 300 && !text.startsWith('<') ? text : `The server answered HTTP ${status}.`;
}

const MANIFEST_TYPES: Record<string, 'hls' | 'dash'> = {
  'application/vnd.apple.mpegurl': 'hls',
  'application/x-mpegurl': 'hls',
  'audio/mpegurl': 'hls',
  'application/dash+xml': 'dash',
};

function manifestKind(contentType: string | undefined, url: string): 'hls' | 'dash' | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (MANIFEST_TYPES[type]) return MANIFEST_TYPES[type];
  const path = new URL(url).pathname;
  return path.endsWith('.m3u8') ? 'hls' : path.endsWith('.mpd') ? 'dash' : undefined;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** The response once the render is ready (a media URL's "still preparing" redirects are asked again). */
export async function fetchReady(url: string, options: ProbeOptions, signal: AbortSignal): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  const headers = { ...options.headers, accept: options.accept ?? BROWSER_IMAGE_ACCEPT };
  if (!options.media) return doFetch(url, { headers, redirect: 'follow', signal });
  for (;;) {
    const response = await doFetch(url, { headers, redirect: 'manual', signal });
    const redirected = response.status >= 300 && response.status < 400;
    // A stream still being packaged is answered 503 with Retry-After (the emulator's EPENDING).
    const retryHeader = response.status === 503 ? response.headers.get('retry-after') : null;
    const retryAfter = retryHeader !== null && /^\d{1,4}$/.test(retryHeader.trim()) ? Number(retryHeader) : NaN;
    if (!redirected && Number.isNaN(retryAfter)) return response;
    await response.arrayBuffer().catch(() => undefined);
    await sleep(redirected ? 1000 : Math.min(5, Math.max(1, retryAfter)) * 1000, signal);
  }
}

export async function probeUrl(url: string, options: ProbeOptions = {}): Promise<UrlProbe> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? (options.media ? 180_000 : 30_000));
  const response = await fetchReady(url, options, options.signal ? AbortSignal.any([options.signal, timeout]) : timeout);
  const body = new Uint8Array(await response.arrayBuffer());
  const renderMs = Math.round((now() - started) * 10) / 10;
  const contentType = response.headers.get('content-type') ?? undefined;
  const cache = response.headers.get('x-emulator-cache') ?? response.headers.get('x-cache') ?? undefined;
  const base = { url, status: response.status, renderMs, ...(contentType ? { contentType } : {}), ...(cache ? { cache } : {}) };
  if (!response.ok) {
    return { ...base, ok: false, error: failureMessage(response.status, response.headers.get('ik-error'), body) };
  }
  const manifest = options.media ? manifestKind(contentType, url) : undefined;
  if (manifest) {
    const renditions = manifestRenditions(new TextDecoder().decode(body), manifest);
    return { ...base, ok: true, bytes: body.byteLength, format: manifest, renditions };
  }
  const size = /^(video|audio)\//i.test(contentType ?? '') ? {} : sizeOf(body);
  const format = size.format ?? formatFromContentType(contentType);
  return {
    ...base,
    ok: true,
    bytes: body.byteLength,
    ...(format ? { format } : {}),
    ...(size.width !== undefined ? { width: size.width } : {}),
    ...(size.height !== undefined ? { height: size.height } : {}),
  };
}
