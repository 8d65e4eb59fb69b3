// Requests a delivery URL the way the preview <img> will, and reads what came back: dimensions and format
// from the bytes (image-size), or the server's reason for refusing (the `ik-error` header, else the body).
import { imageSize } from 'image-size';
import type { UrlProbe } from '../../../shared/domain/urls';

/** Chromium's Accept for images, so `f-auto` picks (and the CDN caches) the variant the <img> gets. */
export const BROWSER_IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

export interface ProbeOptions {
  timeoutMs?: number;
  /** The call's cancel signal: a preview superseded by the next slider change stops its request. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
}

function formatFromContentType(contentType: string | undefined): string | undefined {
  const match = /^image\/([a-z0-9.+-]+)/i.exec(contentType ?? '');
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
function failureMessage(status: number, ikError: string | null, body: Uint8Array): string {
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

export async function probeUrl(url: string, options: ProbeOptions = {}): Promise<UrlProbe> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const response = await doFetch(url, {
    headers: { accept: BROWSER_IMAGE_ACCEPT },
    redirect: 'follow',
    signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]) : AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const renderMs = Math.round((now() - started) * 10) / 10;
  const contentType = response.headers.get('content-type') ?? undefined;
  const cache = response.headers.get('x-emulator-cache') ?? response.headers.get('x-cache') ?? undefined;
  const base = { url, status: response.status, renderMs, ...(contentType ? { contentType } : {}), ...(cache ? { cache } : {}) };
  if (!response.ok) {
    return { ...base, ok: false, error: failureMessage(response.status, response.headers.get('ik-error'), body) };
  }
  const size = sizeOf(body);
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
