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
