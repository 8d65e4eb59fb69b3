import type { FastifyRequest } from 'fastify';
import { requirePrivateKey } from './auth.js';
import { unauthorized } from './errors.js';

/**
 * Who may call a route, decided from the route the router matched (`request.routeOptions.url`, the
 * pattern it was registered with), never from the request's URL. The router decodes `%76` to `v` and
 * strips an absolute-form origin, so any check on the raw URL can disagree with the route that runs;
 * deciding on the matched route cannot. Every route is private unless it is listed here as otherwise.
 */
export type RouteAccess =
  /** Needs the private key (HTTP Basic). */
  | 'private-key'
  /** Upload V1: the private key, or a client-side signature carried in the multipart body. */
  | 'upload'
  /** The URL endpoint (`/<id>/…`): public, private files check their own signature. */
  | 'public'
  /** No route matched: the not-found handler answers. */
  | 'unrouted';

export const UPLOAD_ROUTE = '/api/v1/files/upload';

export function routeAccess(pattern: string | undefined, endpointId: string): RouteAccess {
  if (pattern === undefined) return 'unrouted';
  if (pattern.startsWith(`/${endpointId}/`)) return 'public';
  if (pattern === UPLOAD_ROUTE) return 'upload';
  return 'private-key';
}

const MULTIPART = /^multipart\/form-data\s*;/i;

/**
 * What upload can refuse before reading its body. A request with an `Authorization` header must carry
 * the private key; without one, only a multipart body can hold a client-side signature (publicKey,
 * signature, token, expire are form fields, and ImageKit's browser SDK sends them after the file), so
 * anything else is refused at once. A signed multipart is streamed to a staged temp file (never held in
 * memory) and its signature checked once the fields are read.
 */
export function requireUploadCredentials(request: FastifyRequest, privateKey: string): void {
  if (request.headers.authorization !== undefined) return requirePrivateKey(request, privateKey);
  if (!MULTIPART.test(request.headers['content-type'] ?? '')) throw unauthorized();
}

/** Throws ImageKit's 401/403 when the matched route needs credentials the request lacks. */
export function authorize(access: RouteAccess, request: FastifyRequest, privateKey: string): void {
  if (access === 'private-key') requirePrivateKey(request, privateKey);
  else if (access === 'upload') requireUploadCredentials(request, privateKey);
}
