import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface KeyPair {
  privateKey: string;
  publicKey: string;
  /** True when this start generated the pair (the CLI prints it). */
  generated: boolean;
}

/**
 * Keys from options, else env, else the pair kept in `<data>/keys.json`, else a freshly
 * generated `private_…`/`public_…` pair written there (mode 0600) for the next start.
 */
export async function resolveKeys(dataDir: string, privateKey?: string, publicKey?: string): Promise<KeyPair> {
  // Empty strings count as unset (an exported-but-empty env var must not become the key).
  const priv = privateKey || process.env.IMAGEKIT_PRIVATE_KEY || undefined;
  const pub = publicKey || process.env.IMAGEKIT_PUBLIC_KEY || undefined;
  const file = path.join(dataDir, 'keys.json');
  let stored: { privateKey?: string; publicKey?: string } = {};
  try {
    stored = JSON.parse(await fsp.readFile(file, 'utf8')) as typeof stored;
  } catch {
    stored = {};
  }
  if (priv && pub) return { privateKey: priv, publicKey: pub, generated: false };
  const finalPriv = priv ?? stored.privateKey;
  const finalPub = pub ?? stored.publicKey;
  if (finalPriv && finalPub) return { privateKey: finalPriv, publicKey: finalPub, generated: false };
  const pair = {
    privateKey: finalPriv ?? `private_${randomBytes(18).toString('base64url')}=`,
    publicKey: finalPub ?? `public_${randomBytes(18).toString('base64url')}=`,
  };
  const tmp = `${file}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify(pair, null, 2), { mode: 0o600 });
  await fsp.rename(tmp, file);
  return { ...pair, generated: true };
}
