import { createHmac, timingSafeEqual } from 'node:crypto';
import { NO_EXPIRY } from '../delivery/signature.js';

export const MANIFEST_MIME = { hls: 'application/vnd.apple.mpegurl', dash: 'application/dash+xml' } as const;

export function partMime(name: string): string {
  if (name.endsWith('.m3u8')) return MANIFEST_MIME.hls;
  if (name.endsWith('.json')) return 'application/json';
  return name.includes('init') ? 'video/mp4' : 'video/iso.segment';
}

/** Part references: HLS URI lines and `URI="…"` tag attributes; DASH template/segment attributes. */
const HLS_ATTR = /URI="([^"]+)"/g;
const DASH_ATTR = /\b(initialization|media|sourceURL)="([^"]+)"/g;

function mapUris(text: string, kind: 'hls' | 'dash', map: (uri: string, xml: boolean) => string): string {
  if (kind === 'dash') return text.replace(DASH_ATTR, (_, attr: string, uri: string) => `${attr}="${map(uri, true)}"`);
  return text
    .split('\n')
    .map((line) => {
      if (line === '') return line;
      if (line.startsWith('#')) return line.replace(HLS_ATTR, (_, uri: string) => `URI="${map(uri, false)}"`);
      return map(line.trim(), false);
    })
    .join('\n');
}

/**
 * Rewrites the part names a manifest or playlist refers to into absolute paths on this URL endpoint
 * (`/<id>/<video>/ik-abs/<absId>/<name>`), so they resolve the same wherever the master URL put its
 * transformation (path or query).
 */
export function absolutizeParts(text: string, kind: 'hls' | 'dash', prefix: string): string {
  return mapUris(text, kind, (uri) => (uri.startsWith('/') ? uri : `${prefix}${uri}`));
}

/** The HLS URIs a master or variant playlist refers to. */
export function hlsReferences(text: string): string[] {
  const out: string[] = [];
  mapUris(text, 'hls', (uri) => (out.push(uri), uri));
  return out;
}

/**
 * Part URLs of a private video carry a signature of their folder (`ik-abs-s`, with `ik-abs-t` when the
 * manifest URL expires): DASH segment templates cannot hold one signature per segment, and every part of
 * one stream is derived from the same signed manifest request. The HMAC input is prefixed so it can never
 * equal an ImageKit URL signature. ImageKit does not document how its private streams sign their parts.
 */
export function folderSignature(privateKey: string, folder: string, expiry: number): string {
  return createHmac('sha1', privateKey).update(`ik-abs:${folder}:${expiry}`).digest('hex');
}

export function signParts(text: string, kind: 'hls' | 'dash', privateKey: string, folder: string, expiry: string | undefined): string {
  const s = folderSignature(privateKey, folder, expiry === undefined ? NO_EXPIRY : Number(expiry));
  return mapUris(text, kind, (uri, xml) => `${uri}?ik-abs-s=${s}${expiry === undefined ? '' : `${xml ? '&amp;' : '&'}ik-abs-t=${expiry}`}`);
}

/** Checks a part request's folder signature; expired or wrong signatures read as unsigned. */
export function partSignatureValid(privateKey: string, folder: string, query: [string, string][], nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const s = query.find(([n]) => n === 'ik-abs-s')?.[1];
  const t = query.find(([n]) => n === 'ik-abs-t')?.[1];
  if (s === undefined || (t !== undefined && !/^\d{1,12}$/.test(t))) return false;
  const expiry = t === undefined ? NO_EXPIRY : Number(t);
  if (expiry < nowSeconds) return false;
  const expected = Buffer.from(folderSignature(privateKey, folder, expiry));
  const given = Buffer.from(s.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
