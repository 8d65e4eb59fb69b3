import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.js';

/**
 * The key a request's `Authorization: Basic …` header carries: `base64(key:password)` (password
 * ignored, as ImageKit does; the official SDK sends `do_not_set`) or the raw key, which ImageKit's
 * spec also allows. Undefined when there is no Basic header.
 */
export function basicAuthKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+(.+)$/i.exec(header.trim());
  if (!match) return undefined;
  const token = match[1].trim();
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // A raw key (e.g. `private_abc=`) does not decode to `user:password`.
  if (colon > 0 && Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') === token.replace(/=+$/, '')) {
    return decoded.slice(0, colon);
  }
  return token;
}

/** Throws ImageKit's 401/403 unless the request carries the private key. */
export function requirePrivateKey(request: FastifyRequest, privateKey: string): void {
  const header = request.headers.authorization;
  if (!header) throw unauthorized();
  const key = basicAuthKey(header);
  if (key === undefined) throw unauthorized();
  if (key !== privateKey) throw forbidden();
}
