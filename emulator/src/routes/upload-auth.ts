import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest, forbidden, unauthorized } from '../http/errors.js';
import type { EmulatorConfig } from '../context.js';
import type { Db } from '../store/db.js';

export const BOTH_AUTH_METHODS =
  'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.';
export const INVALID_EXPIRE =
  'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.';
const TOKEN_REUSED = 'The token you have sent has already been used. Use a unique token for every upload request.';

/** ImageKit's client-side upload signature: hex HMAC-SHA1 of `token + expire` keyed by the private key. */
export function uploadSignature(privateKey: string, token: string, expire: string | number): string {
  return createHmac('sha1', privateKey).update(token + String(expire)).digest('hex');
}

/**
 * Checks the client-side auth fields of an upload without Basic auth. A valid token is spent
 * at once, so it cannot be replayed even if the upload then fails.
 */
export function authenticateClientUpload(fields: Record<string, string>, config: EmulatorConfig, db: Db, nowMs = Date.now()): void {
  const { publicKey, signature, expire, token } = fields;
  if (publicKey === undefined && signature === undefined && token === undefined && expire === undefined) throw unauthorized();
  if (!publicKey) throw badRequest('Missing publicKey for upload.');
  if (publicKey !== config.publicKey) throw forbidden();
  if (!signature) throw badRequest('Missing signature for upload. The signature is required when uploading with a publicKey.');
  if (!token) throw badRequest('Missing token for upload. The token is required when uploading with a publicKey.');
  if (!expire) throw badRequest(INVALID_EXPIRE);
  const expireSeconds = Number(expire);
  const nowSeconds = nowMs / 1000;
  if (!/^\d+$/.test(expire) || expireSeconds <= nowSeconds || expireSeconds > nowSeconds + 3600) throw badRequest(INVALID_EXPIRE);
  const expected = Buffer.from(uploadSignature(config.privateKey, token, expire));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw badRequest('Your request contains invalid signature parameter. The signature does not match token + expire signed with your private key.');
  }
  // Tokens older than the longest expire window can never be valid again: forget them.
  db.prepare('DELETE FROM upload_tokens WHERE used_at < ?').run(nowMs - 2 * 3600_000);
  const spent = db.prepare('INSERT INTO upload_tokens(token, used_at) VALUES (?, ?) ON CONFLICT(token) DO NOTHING').run(token, nowMs);
  if (spent.changes === 0) throw badRequest(TOKEN_REUSED);
}
