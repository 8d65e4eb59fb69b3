import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './token';

/**
 * The web host answers only requests addressed to itself on loopback: the Host header must name
 * 127.0.0.1/localhost with our port (defeats DNS rebinding), and the WebSocket upgrade must come
 * from our own page (Origin) and carry this run's token.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function hostIsAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has((req.headers.host ?? '').toLowerCase());
}

/**
 * The request target as a URL, or null when it is not origin-form (`/path?query`): absolute-form
 * (`http://x/…`), authority-form and anything `URL` cannot parse are refused, never thrown (a throw in
 * a request or upgrade listener would end the process).
 */
export function requestTarget(req: IncomingMessage): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

export function checkUpgrade(req: IncomingMessage, port: number, token: string): UpgradeVerdict {
  const url = requestTarget(req);
  if (!url) return { ok: false, status: 400, reason: 'the request target is not a path' };
  if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'no WebSocket at this path' };
  if (!hostIsAllowed(req, port)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins(port).has(origin.toLowerCase())) return { ok: false, status: 403, reason: 'foreign Origin' };
  if (!tokenMatches(token, url.searchParams.get('token'))) return { ok: false, status: 401, reason: 'wrong or missing token' };
  return { ok: true };
}

/** The header carrying this run's token on an HTTP upload (never the URL: it would land in logs and history). */
export const UPLOAD_TOKEN_HEADER = 'x-mediadesk-token';

export type UploadVerdict = { ok: true } | { ok: false; status: 401 | 403 | 405 | 413; reason: string };

/**
 * An upload of a file's bytes (`PUT /uploads/stage`) must come from our own page: Origin one of ours (a browser
 * sends it on every PUT; a page elsewhere cannot forge it), the fetch marked same-origin where the browser says
 * so, this run's token in its header (a custom header also forces a CORS preflight, which this host never
 * grants), and a declared length within `maxBytes`. The Host header is checked before this, like every request.
 */
export function checkUploadRequest(req: IncomingMessage, port: number, token: string, maxBytes: number): UploadVerdict {
  if (req.method !== 'PUT') return { ok: false, status: 405, reason: 'uploads are sent with PUT' };
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins(port).has(origin.toLowerCase())) return { ok: false, status: 403, reason: 'foreign or missing Origin' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { ok: false, status: 403, reason: 'not a same-origin request' };
  const presented = req.headers[UPLOAD_TOKEN_HEADER];
  if (!tokenMatches(token, typeof presented === 'string' ? presented : null)) return { ok: false, status: 401, reason: 'wrong or missing token' };
  const length = req.headers['content-length'];
  if (length !== undefined && !(Number(length) <= maxBytes)) return { ok: false, status: 413, reason: `a file may have at most ${maxBytes} bytes` };
  return { ok: true };
}
