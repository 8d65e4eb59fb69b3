import { randomBytes, randomUUID } from 'node:crypto';

/** 24 hex chars like ImageKit's ids (ObjectId style: 4-byte time + 8 random bytes). */
export function newObjectId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}

export function newRequestId(): string {
  return randomUUID();
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** ImageKit's `useUniqueFileName` suffix: `_` + a short random alphanumeric string. */
export function uniqueSuffix(length = 9): string {
  const bytes = randomBytes(length);
  let out = '_';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}
