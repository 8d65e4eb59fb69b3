import { createHmac, timingSafeEqual } from 'node:crypto';

/** Expiry written by SDKs for URLs that never expire (and then left out of the URL). */
export const NO_EXPIRY = 9_999_999_999;

export type SignatureCheck = 'valid' | 'missing' | 'invalid' | 'expired';

/** ik-s = hex HMAC-SHA1(privateKey, <URL relative to the endpoint, without ik-t/ik-s> + expiry). */
export function signUrl(privateKey: string, unsignedRelative: string, expiry: number = NO_EXPIRY): string {
  return createHmac('sha1', privateKey).update(unsignedRelative + String(expiry)).digest('hex');
}

/** Verifies ImageKit's signed-URL parameters against the request as sent. */
export function checkSignature(
  privateKey: string,
  unsignedRelative: string,
  signature: { s?: string; t?: string },
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (signature.s === undefined) return 'missing';
  if (signature.t !== undefined && !/^\d{1,12}$/.test(signature.t)) return 'invalid';
  const expiry = signature.t === undefined ? NO_EXPIRY : Number(signature.t);
  const expected = Buffer.from(signUrl(privateKey, unsignedRelative, expiry), 'utf8');
  const given = Buffer.from(signature.s.toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return expiry < nowSeconds ? 'expired' : 'valid';
}
