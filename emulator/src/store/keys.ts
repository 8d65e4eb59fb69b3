import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface KeyPair {
  privateKey: string;
  publicKey: string;
  /** True when this start generated the pair (the CLI prints it). */
  generated: boolean;
}

/** The variable the official ImageKit SDKs read: it may hold a real account's key, so it must never end up here. */
const SDK_PRIVATE_KEY_VARIABLE = 'IMAGEKIT_PRIVATE_KEY';

/** Shape of a key this module generates: 18 random bytes in base64url, then `=`. */
const GENERATED_PRIVATE = /^private_[A-Za-z0-9_-]{24}=$/;
const GENERATED_PUBLIC = /^public_[A-Za-z0-9_-]{24}=$/;

/**
 * Keys for one start. Keys passed in (the CLI's explicit flags) are used for this run only and
 * never written. Otherwise the pair kept in `<data>/keys.json` is used, or a fresh one generated
 * and written there (mode 0600). keys.json only ever holds keys this module generated: a stored
 * pair that is not shaped like one, or whose private key equals the SDK's `IMAGEKIT_PRIVATE_KEY`
 * (older versions adopted that variable and wrote it here in clear), is replaced by a new pair.
 * No key is ever taken from the environment here.
 */
export async function resolveKeys(dataDir: string, privateKey?: string, publicKey?: string): Promise<KeyPair> {
  // Empty strings count as unset (an exported-but-empty variable must not become the key).
  const givenPrivate = privateKey || undefined;
  const givenPublic = publicKey || undefined;
  if (givenPrivate && givenPublic) return { privateKey: givenPrivate, publicKey: givenPublic, generated: false };
  const { pair, generated } = await storedOrGeneratedPair(path.join(dataDir, 'keys.json'));
  return { privateKey: givenPrivate ?? pair.privateKey, publicKey: givenPublic ?? pair.publicKey, generated };
}

interface StoredPair {
  privateKey: string;
  publicKey: string;
}

async function storedOrGeneratedPair(file: string): Promise<{ pair: StoredPair; generated: boolean }> {
  const stored = await readStored(file);
  if (stored && isOwnPair(stored)) return { pair: stored, generated: false };
  const pair: StoredPair = {
    privateKey: `private_${randomBytes(18).toString('base64url')}=`,
    publicKey: `public_${randomBytes(18).toString('base64url')}=`,
  };
  const tmp = `${file}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify(pair, null, 2), { mode: 0o600 });
  await fsp.rename(tmp, file);
  return { pair, generated: true };
}

async function readStored(file: string): Promise<Partial<StoredPair> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fsp.readFile(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<StoredPair>) : undefined;
  } catch {
    return undefined;
  }
}

function isOwnPair(stored: Partial<StoredPair>): stored is StoredPair {
  const { privateKey, publicKey } = stored;
  if (typeof privateKey !== 'string' || typeof publicKey !== 'string') return false;
  if (!GENERATED_PRIVATE.test(privateKey) || !GENERATED_PUBLIC.test(publicKey)) return false;
  const sdkKey = process.env[SDK_PRIVATE_KEY_VARIABLE];
  return !sdkKey || sdkKey !== privateKey;
}
