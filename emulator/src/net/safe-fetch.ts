import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { PrivateAddressError, type OutboundPolicy, type ResolvedAddress } from './outbound-policy.js';

/**
 * HTTP(S) requests to caller-chosen URLs under an `OutboundPolicy`. Each hop's host is resolved
 * once by the policy and the socket is pinned to that checked address through `lookup`, so a DNS
 * answer that changes between check and connect (rebinding) cannot slip through. Redirects are
 * followed here, one hop at a time, so every target is checked the same way. No connection
 * pooling: a pooled socket would skip the check for the next request to the same host name.
 */

export interface SafeRequestOptions {
  policy: OutboundPolicy;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
  /** Redirects to follow (each re-checked); with 0 a 3xx answer is returned as it is. */
  maxRedirects?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, decompressed when the server sent it gzip/deflate/br encoded. */
  body: Readable;
  /** The URL that answered (after redirects). */
  url: string;
}

export class TooManyRedirectsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} redirects`);
    this.name = 'TooManyRedirectsError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function safeRequest(url: string | URL, options: SafeRequestOptions): Promise<SafeResponse> {
  const maxRedirects = options.maxRedirects ?? 0;
  let current = new URL(url);
  let method = options.method ?? 'GET';
  let body = options.body;
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new Error(`only http and https URLs can be fetched, not ${current.protocol}`);
    }
    let response: http.IncomingMessage;
    try {
      response = await requestOnce(current, { ...options, method, body });
    } catch (err) {
      if (err instanceof PrivateAddressError && hop > 0) err.redirectedFrom = url.toString();
      throw err;
    }
    const location = response.headers.location;
    const status = response.statusCode ?? 0;
    if (maxRedirects === 0 || !REDIRECTS.has(status) || !location) {
      return { status, headers: response.headers, body: decoded(response), url: current.toString() };
    }
    response.destroy();
    if (hop >= maxRedirects) throw new TooManyRedirectsError(maxRedirects);
    current = new URL(location, current);
    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without a body.
    if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

async function requestOnce(url: URL, options: SafeRequestOptions & { method: string }): Promise<http.IncomingMessage> {
  // URL keeps IPv6 literals in brackets; the policy and the socket want the bare address.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const target = await abortable(options.policy.resolve(hostname, port), options.signal);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method,
        headers: { 'user-agent': 'imagekit-emulator', ...options.headers },
        lookup: pinnedLookup(target),
        signal: options.signal,
        agent: false,
      },
      resolve,
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A `lookup` that answers every query with the one address the policy checked. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on('error', (err) => decoder.destroy(err));
  decoder.on('close', () => response.destroy());
  return response.pipe(decoder);
}

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
