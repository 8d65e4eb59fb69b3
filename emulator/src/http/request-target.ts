import { badRequest, IkError } from './errors.js';

/**
 * Checks of the request line and `Host` header, made before any route runs.
 *
 * Absolute-form targets (`GET http://x/v1/files`) are for proxies; Node passes them through and the
 * router strips the origin, so they are refused rather than given a second meaning. `Host` must name
 * the address the connection arrived at, or loopback by name, with the port the server listens on: a
 * web page that rebinds its own host name to 127.0.0.1 (DNS rebinding) sends its own name, and is
 * refused with 421 Misdirected Request, the status for "this server does not answer for that authority".
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const MAX_ECHO = 200;

const echo = (value: string) => (value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);

export function assertOriginForm(target: string): void {
  if (!target.startsWith('/')) {
    throw badRequest(
      `Your request target "${echo(target)}" is not a path. Send the path and query only (e.g. /v1/files); absolute-form targets (http://host/path) are refused.`,
    );
  }
}

/** Where the connection arrived: the socket's local address and port. */
export interface LocalEnd {
  address?: string;
  port?: number;
}

/** `::ffff:127.0.0.1` (a v4 client on a dual-stack socket) → `127.0.0.1`; other v6 addresses bracketed as in a Host header. */
function hostForm(address: string): string {
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * True when `host` (the Host header) names this server: loopback by address or `localhost`, the
 * configured listen host, or the exact address the connection arrived at, each with the listening
 * port (a Host without port only when that port is 80).
 */
export function hostIsAllowed(host: string | undefined, local: LocalEnd, configuredHost: string | undefined): boolean {
  if (!host || local.port === undefined) return false;
  const wanted = host.toLowerCase();
  const matches = (name: string) => wanted === `${name}:${local.port}` || (local.port === 80 && wanted === name);
  if (LOOPBACK_NAMES.some(matches)) return true;
  if (configuredHost && matches(configuredHost.toLowerCase())) return true;
  return local.address !== undefined && matches(hostForm(local.address));
}

export function assertHostAllowed(host: string | undefined, local: LocalEnd, configuredHost: string | undefined): void {
  if (hostIsAllowed(host, local, configuredHost)) return;
  const port = local.port ?? 0;
  const named = host ? `the Host header "${echo(host)}" names another server` : 'the request has no Host header';
  throw new IkError(
    421,
    `This emulator answers only requests addressed to it, e.g. Host 127.0.0.1:${port} or localhost:${port}; ${named}. Use the address the emulator printed at start (other host names are refused to stop DNS rebinding).`,
  );
}
