import { z } from 'zod';

/**
 * Profiles as they cross to the renderer. Secrets never do: the renderer gets `hasPrivateKey` and
 * a `keyHint` ("…abcd", the last four characters) only.
 */
export const profileKinds = ['local', 'imagekit'] as const;
export const ProfileKind = z.enum(profileKinds);
export type ProfileKind = z.infer<typeof ProfileKind>;

/**
 * Where a profile's private key lives: the OS keychain, this run's memory only (offered when no
 * keychain exists), inside the embedded Local library (it owns its keys), or nowhere yet.
 */
export const KeyStorage = z.enum(['keychain', 'session', 'embedded', 'none']);
export type KeyStorage = z.infer<typeof KeyStorage>;

export const ProfileId = z.string().min(1).max(100);

export const ProfileView = z.object({
  id: ProfileId,
  name: z.string(),
  kind: ProfileKind,
  urlEndpoint: z.string(),
  publicKey: z.string(),
  hasPrivateKey: z.boolean(),
  /** "…abcd" or "" when there is no key. */
  keyHint: z.string(),
  keyStorage: KeyStorage,
  active: z.boolean(),
});
export type ProfileView = z.infer<typeof ProfileView>;

export function keyHintOf(privateKey: string | undefined | null): string {
  if (!privateKey) return '';
  return `…${privateKey.slice(-4)}`;
}

/** WHATWG URL exists in every runtime we target (browser, Node); shared/ carries no DOM or Node types. */
interface ParsedUrl {
  protocol: string;
  hostname: string;
  username: string;
  password: string;
  search: string;
  hash: string;
  origin: string;
  pathname: string;
}
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

/**
 * Checks a URL endpoint before anything is saved, and says what is wrong in words a person can act
 * on. ImageKit endpoints are https (https://ik.imagekit.io/your_id or a custom domain); plain http
 * is accepted only on this machine (a Local library or an emulator).
 * Returns the normalised endpoint (no trailing slash) or an error message.
 */
export function checkUrlEndpoint(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = raw.trim();
  const example = 'It should look like https://ik.imagekit.io/your_imagekit_id.';
  if (!text) return { ok: false, message: `URL endpoint is empty. ${example}` };
  let url: ParsedUrl;
  try {
    url = new WhatwgUrl(text);
  } catch {
    return { ok: false, message: `URL endpoint "${text}" is not a URL. ${example}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `URL endpoint must start with https://. ${example}` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, message: `URL endpoint must use https:// (plain http is only allowed for this computer). ${example}` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'URL endpoint must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: `URL endpoint must not contain "?" or "#" parts. ${example}` };
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** zod form of checkUrlEndpoint: valid endpoints are normalised, invalid ones fail with its message. */
export const UrlEndpoint = z.string().transform((raw, ctx) => {
  const checked = checkUrlEndpoint(raw);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.value;
});

const trimmed = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty.`)
    .max(max, `${what} is longer than ${max} characters.`);

export const PublicKey = trimmed('Public key', 200);
export const PrivateKey = trimmed('Private key', 200);
export const ProfileName = trimmed('Name', 80);

/**
 * Create (no id) or edit (id) an ImageKit-account profile. On edit, leaving `privateKey` out keeps
 * the stored key. `keyStorage: 'session'` is the explicit choice to keep the key for this run only
 * when no keychain is available; the default is the keychain.
 */
export const ProfileDraft = z.object({
  id: ProfileId.optional(),
  name: ProfileName,
  urlEndpoint: UrlEndpoint,
  publicKey: PublicKey,
  privateKey: PrivateKey.optional(),
  keyStorage: z.enum(['keychain', 'session']).optional(),
});
export type ProfileDraft = z.input<typeof ProfileDraft>;
export type ParsedProfileDraft = z.output<typeof ProfileDraft>;
