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

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

export function checkUpgrade(req: IncomingMessage, port: number, token: string): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'no WebSocket at this path' };
  if (!hostIsAllowed(req, port)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins(port).has(origin.toLowerCase())) return { ok: false, status: 403, reason: 'foreign Origin' };
  if (!tokenMatches(token, url.searchParams.get('token'))) return { ok: false, status: 401, reason: 'wrong or missing token' };
  return { ok: true };
}
