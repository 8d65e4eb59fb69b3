import { badRequest } from '../http/errors.js';
import { PrivateAddressError, type OutboundPolicy } from '../net/outbound-policy.js';
import { safeRequest, TooManyRedirectsError, type SafeResponse } from '../net/safe-fetch.js';
import { FILE_TOO_LARGE, type BlobStore, type StagedBlob } from '../store/blobs.js';

const INVALID_FILE = 'Your request contains invalid file parameter.';
/** Whole-download limit once headers arrived (the 8 s limit covers only the headers). */
const REMOTE_BODY_TIMEOUT_MS = 120_000;
/** Redirect hops a remote URL may take; each target is checked against the outbound policy. */
const MAX_REDIRECTS = 5;

/**
 * Stages the bytes of a `file` sent as text: an http(s) URL (fetched under `outbound`, so only
 * public addresses unless the emulator opted in; headers must arrive within `headerTimeoutMs`,
 * body capped at `maxBytes`) or base64 / a base64 data URI.
 */
export async function stageFileField(
  value: string,
  blobs: BlobStore,
  maxBytes: number,
  headerTimeoutMs: number,
  outbound: OutboundPolicy,
): Promise<StagedBlob> {
  const text = value.trim();
  if (text === '') throw badRequest('Your request is missing file parameter.');
  if (/^https?:\/\//i.test(text)) return stageRemote(text, blobs, maxBytes, headerTimeoutMs, outbound);
  return blobs.stageBuffer(decodeBase64(text, maxBytes));
}

function decodeBase64(text: string, maxBytes: number): Buffer {
  let payload = text;
  const dataUri = /^data:([^,]*?),/i.exec(text);
  if (dataUri) {
    if (!/;base64$/i.test(dataUri[1])) throw badRequest(`${INVALID_FILE} Data URIs must be base64-encoded.`);
    payload = text.slice(dataUri[0].length);
  }
  payload = payload.replace(/\s+/g, '');
  if (payload.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(payload)) {
    throw badRequest(`${INVALID_FILE} Send the file as binary, an http(s) URL, or a base64 string / data URI.`);
  }
  if (Math.floor((payload.length * 3) / 4) > maxBytes + 3) throw badRequest(FILE_TOO_LARGE);
  const data = Buffer.from(payload, 'base64');
  if (data.length > maxBytes) throw badRequest(FILE_TOO_LARGE);
  return data;
}

async function stageRemote(
  url: string,
  blobs: BlobStore,
  maxBytes: number,
  headerTimeoutMs: number,
  outbound: OutboundPolicy,
): Promise<StagedBlob> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(`${INVALID_FILE} The URL is not valid.`);
  }
  const controller = new AbortController();
  const headerTimer = setTimeout(() => controller.abort(new Error('header timeout')), headerTimeoutMs);
  let response: SafeResponse;
  try {
    response = await safeRequest(parsed, { policy: outbound, signal: controller.signal, maxRedirects: MAX_REDIRECTS });
  } catch (err) {
    throw badRequest(fetchFailure(err, controller.signal.aborted, headerTimeoutMs));
  } finally {
    clearTimeout(headerTimer);
  }
  if (response.status < 200 || response.status > 299) {
    response.body.destroy();
    throw badRequest(`${INVALID_FILE} The URL could not be fetched: HTTP ${response.status}.`);
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    response.body.destroy();
    throw badRequest(FILE_TOO_LARGE);
  }
  const bodyTimer = setTimeout(() => controller.abort(new Error('body timeout')), REMOTE_BODY_TIMEOUT_MS);
  try {
    return await blobs.stage(response.body, maxBytes);
  } catch (err) {
    controller.abort();
    response.body.destroy();
    if (err instanceof Error && err.name === 'IkError') throw err;
    throw badRequest(`${INVALID_FILE} Downloading the URL failed: ${(err as Error).message}.`);
  } finally {
    clearTimeout(bodyTimer);
  }
}

function fetchFailure(err: unknown, timedOut: boolean, headerTimeoutMs: number): string {
  if (err instanceof PrivateAddressError) {
    const where = err.redirectedFrom ? 'The URL redirects to' : 'The URL points to';
    return (
      `${INVALID_FILE} ${where} a private address (${err.where}); ` +
      'uploads from loopback, private, link-local and cloud-metadata addresses are refused. Use a publicly reachable URL (an emulator started with --allow-private-urls accepts them).'
    );
  }
  if (err instanceof TooManyRedirectsError) return `${INVALID_FILE} The URL redirected more than ${err.limit} times.`;
  if (timedOut) return `${INVALID_FILE} The URL did not respond within ${headerTimeoutMs / 1000} seconds.`;
  return `${INVALID_FILE} The URL could not be fetched: ${(err as Error).message}.`;
}
