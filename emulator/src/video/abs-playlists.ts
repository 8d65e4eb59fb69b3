import { NO_EXPIRY, signUrl } from '../delivery/signature.js';

export const MANIFEST_MIME = { hls: 'application/vnd.apple.mpegurl', dash: 'application/dash+xml' } as const;

export function partMime(name: string): string {
  if (name.endsWith('.m3u8')) return MANIFEST_MIME.hls;
  if (name.endsWith('.ts')) return 'video/mp2t';
  return 'video/iso.segment';
}

/**
 * Rewrites the part names a manifest or variant playlist refers to into absolute paths on this URL
 * endpoint (`/<id>/<video>/ik-abs/<absId>/<name>`), so they resolve the same whether the master URL put
 * its transformation in the path or in the query.
 */
export function absolutizeParts(text: string, kind: 'hls' | 'dash', prefix: string): string {
  if (kind === 'hls') return text.split('\n').map((line) => (line === '' || line.startsWith('#') ? line : `${prefix}${line.trim()}`)).join('\n');
  return text.replace(/\b(sourceURL|media)="([^"/]+)"/g, (_, attr: string, name: string) => `${attr}="${prefix}${name}"`);
}

/** The URIs (absolute paths) a manifest or playlist refers to. */
export function referencedParts(text: string, kind: 'hls' | 'dash'): string[] {
  if (kind === 'hls') return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((l) => l.trim());
  return [...text.matchAll(/\b(?:sourceURL|media)="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/**
 * Signs every part URI for a private video, with the expiry of the request that got the manifest: the
 * parts are readable exactly as long as the manifest URL is. `endpointPath` is the URL endpoint's path
 * (`/local`); signatures cover the part's path after it, as for any delivery URL.
 */
export function signParts(text: string, kind: 'hls' | 'dash', endpointPath: string, privateKey: string, expiry: string | undefined): string {
  const sign = (uri: string) => {
    const relative = uri.startsWith(`${endpointPath}/`) ? uri.slice(endpointPath.length + 1) : uri;
    const s = signUrl(privateKey, relative, expiry === undefined ? NO_EXPIRY : Number(expiry));
    return `${uri}?ik-s=${s}${expiry === undefined ? '' : `${kind === 'dash' ? '&amp;' : '&'}ik-t=${expiry}`}`;
  };
  if (kind === 'hls') return text.split('\n').map((line) => (line === '' || line.startsWith('#') ? line : sign(line.trim()))).join('\n');
  return text.replace(/\b(sourceURL|media)="([^"]+)"/g, (_, attr: string, uri: string) => `${attr}="${sign(uri)}"`);
}
