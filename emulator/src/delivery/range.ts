import parseRange from 'range-parser';
import type { DeliveryResponse } from './service.js';

/**
 * HTTP Range (RFC 9110 §14) on a complete response, so video players can seek in originals and renders:
 * one satisfiable range → 206 with Content-Range; a range past the end → 416; a malformed header, several
 * ranges, or an If-Range that no longer matches → the whole 200 (a server may always ignore Range).
 */
export function withRange(res: DeliveryResponse, range: string | undefined, ifRange: string | undefined): DeliveryResponse {
  if (res.status !== 200) return res;
  const headers = { ...res.headers, 'accept-ranges': 'bytes' };
  if (range === undefined || (ifRange !== undefined && ifRange !== res.headers.etag)) return { ...res, headers };
  const size = res.body.length;
  const parsed = parseRange(size, range, { combine: true });
  if (parsed === -2 || (parsed !== -1 && (parsed.type !== 'bytes' || parsed.length !== 1))) return { ...res, headers };
  if (parsed === -1) {
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}`, 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Range Not Satisfiable') };
  }
  const [{ start, end }] = parsed;
  return { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` }, body: res.body.subarray(start, end + 1) };
}
