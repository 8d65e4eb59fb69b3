// What the builder's stream player says: a rendition's label, and a fatal player error in words that say
// what failed and what to do. Pure functions over hls.js's plain error fields.

export interface RenditionInfo {
  height: number;
  width?: number;
  /** Bits per second, as the manifest's BANDWIDTH states it. */
  bitrate?: number;
}

export function kbits(bitrate: number | undefined): string {
  return bitrate ? `${Math.round(bitrate / 1000).toLocaleString('en-US')} kbit/s` : '';
}

/** "480p · 854 × 480 · 1,200 kbit/s" (parts the manifest leaves out are left out). */
export function renditionLabel(r: RenditionInfo): string {
  return [`${r.height}p`, r.width ? `${r.width} × ${r.height}` : '', kbits(r.bitrate)].filter(Boolean).join(' · ');
}

/** Which file an hls.js error detail is about (manifestLoadError, levelLoadTimeOut, fragLoadError…). */
function fileOf(details: string): string {
  if (details.startsWith('manifest')) return 'manifest';
  if (details.startsWith('level')) return 'rendition playlist';
  if (details.startsWith('frag')) return 'segment';
  if (details.startsWith('key')) return 'key';
  return 'stream';
}

function advice(status: number | undefined): string {
  if (status === 401 || status === 403) return ' A private video’s stream plays only from a signed URL: tick Signed URL, or check that it has not expired.';
  if (status === 404) return ' It is no longer there (purged, or the cache was cleared): change any setting or reload to make the stream again.';
  if (status === 413) return '';
  if (status !== undefined && status >= 500) return ' The server failed; try again in a moment.';
  return '';
}

export interface PlayerFailure {
  type: string;
  details: string;
  /** HTTP status of the failed request (0 when it never got an answer). */
  code?: number;
  /** The server's words for it, or the transport's. */
  text?: string;
}

/** A fatal player error as one sentence or two: what failed, why, and what to do. */
export function describeFailure(failure: PlayerFailure): string {
  const { type, details, code, text } = failure;
  if (type === 'networkError') {
    const file = fileOf(details);
    if (/TimeOut$/i.test(details)) return `The stream’s ${file} did not arrive in time. Try again; a long stream may still be being prepared.`;
    const why = code ? `HTTP ${code}${text ? `: ${text}` : ''}` : text || 'no answer';
    return `The stream’s ${file} did not load (${why}).${advice(code || undefined)}`;
  }
  if (type === 'mediaError') return `The window could not decode the stream (${details}). Its renditions are H.264 with AAC; this build of the app may lack that decoder.`;
  return `The player stopped (${details}${text ? `: ${text}` : ''}).`;
}
