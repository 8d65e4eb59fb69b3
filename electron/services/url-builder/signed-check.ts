// Before a signed URL is copied, request it and say what a visitor would get: served, refused, or expired.
import type { SignedUrlCheck, UrlProbe } from '../../../shared/domain/urls';

/** `ik-t` (unix seconds) of a URL, if it has one. */
export function expiryOf(url: string): number | undefined {
  const match = /[?&]ik-t=(\d+)(?:&|$)/.exec(url);
  return match ? Number(match[1]) : undefined;
}

export function judgeSignedUrl(probe: UrlProbe, nowSeconds: number): SignedUrlCheck {
  const { url, status } = probe;
  if (probe.ok) {
    const expiry = expiryOf(url);
    const until = expiry === undefined ? 'It does not expire.' : `It expires ${new Date(expiry * 1000).toISOString()}.`;
    return { url, status, outcome: 'served', message: `Served (HTTP ${status}). ${until}` };
  }
  const expiry = expiryOf(url);
  const reason = probe.error ? `: ${probe.error}` : '.';
  if (expiry !== undefined && expiry <= nowSeconds && (status === 401 || status === 403)) {
    return { url, status, outcome: 'expired', message: `Expired at ${new Date(expiry * 1000).toISOString()} (HTTP ${status})${reason}` };
  }
  return { url, status, outcome: 'refused', message: `Refused (HTTP ${status})${reason}` };
}
