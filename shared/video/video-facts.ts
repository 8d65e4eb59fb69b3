/**
 * Plain-word video facts and ImageKit video thumbnail URLs, shared by the library grid, the Details
 * panel and the metadata tools. Pure: no DOM, no node.
 */

const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpeg', 'mpg', '3gp', 'flv', 'wmv', 'ts', 'm2ts']);

/** ImageKit reports videos as `fileType: "non-image"`; the mime (or, failing that, the extension) tells them apart. */
export function isVideoFile(file: { mime?: string | null; name: string }): boolean {
  if (file.mime) return file.mime.startsWith('video/');
  const dot = file.name.lastIndexOf('.');
  return dot > 0 && VIDEO_EXTENSIONS.has(file.name.slice(dot + 1).toLowerCase());
}

/**
 * `4.04` → `0:04`, `75` → `1:15`, `3725` → `1:02:05`. Rounded to the whole second first (so 59.6 s
 * reads `1:00`, never `0:60`); a clip shorter than half a second still reads `0:01`, not an empty `0:00`.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = seconds > 0 ? Math.max(1, Math.round(seconds)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The duration as a screen reader should say it: "4 seconds", "1 minute 15 seconds". */
export function durationWords(seconds: number | null | undefined): string {
  const text = formatDuration(seconds);
  if (!text) return '';
  const parts = text.split(':').map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, parts[0] ?? 0, parts[1] ?? 0];
  const unit = (n: number, word: string) => (n ? [`${n} ${word}${n === 1 ? '' : 's'}`] : []);
  const words = [...unit(h, 'hour'), ...unit(m, 'minute'), ...unit(s, 'second')];
  return words.length ? words.join(' ') : '0 seconds';
}

/** A precise time for the Details facts and the poster picker: `4.04` → `0:04.0`. */
export function formatTimestamp(seconds: number): string {
  const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  const tenths = Math.round(safe * 10);
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  return `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
}

/** Bits per second in the units players show: `128000` → `128 kbps`, `2_450_000` → `2.45 Mbps`. */
export function formatBitRate(bitsPerSecond: number | null | undefined): string {
  if (!bitsPerSecond || !Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return '';
  if (bitsPerSecond >= 1_000_000) return `${Number((bitsPerSecond / 1_000_000).toPrecision(3))} Mbps`;
  if (bitsPerSecond >= 1000) return `${Math.round(bitsPerSecond / 1000)} kbps`;
  return `${Math.round(bitsPerSecond)} bps`;
}

const CODEC_NAMES: Record<string, string> = {
  h264: 'H.264 (AVC)',
  avc: 'H.264 (AVC)',
  avc1: 'H.264 (AVC)',
  hevc: 'H.265 (HEVC)',
  h265: 'H.265 (HEVC)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  mpeg4: 'MPEG-4 Part 2',
  prores: 'Apple ProRes',
  theora: 'Theora',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  vorbis: 'Vorbis',
  flac: 'FLAC',
  ac3: 'Dolby Digital (AC-3)',
  eac3: 'Dolby Digital Plus (E-AC-3)',
  pcm_s16le: 'PCM 16-bit',
};

/** ffprobe's / ImageKit's codec id in words: `h264` → `H.264 (AVC)`; unknown ids are shown as given. */
export function codecWords(codec: string | null | undefined): string {
  if (!codec) return '';
  return CODEC_NAMES[codec.toLowerCase()] ?? codec;
}

/** ImageKit's `versionInfo.name` is "Version <n>"; the number, or null when it says something else. */
export function versionNumber(versionInfo: { name?: string | null } | null | undefined): number | null {
  const match = /^Version (\d{1,6})$/.exec(versionInfo?.name ?? '');
  return match ? Number(match[1]) : null;
}

/** A video's thumbnail as ImageKit serves it: `<video path>/ik-thumbnail.jpg`, before any query of the URL. */
export function videoThumbnailPath(videoUrlOrPath: string): string {
  const cut = videoUrlOrPath.search(/[?#]/);
  const base = cut < 0 ? videoUrlOrPath : videoUrlOrPath.slice(0, cut);
  const rest = cut < 0 ? '' : videoUrlOrPath.slice(cut);
  return `${base}/ik-thumbnail.jpg${rest}`;
}

/** The thumbnail URL with `tr` appended (joined with `&` when the URL already has a query). */
export function videoThumbnailUrl(videoUrl: string, transformation?: string): string {
  const thumb = videoThumbnailPath(videoUrl);
  if (!transformation) return thumb;
  const hash = thumb.indexOf('#');
  const head = hash < 0 ? thumb : thumb.slice(0, hash);
  return `${head}${head.includes('?') ? '&' : '?'}tr=${transformation}`;
}

/**
 * A frame time ImageKit accepts for `so-` on a thumbnail: tenths of a second, at least 0 and strictly
 * inside the video (ImageKit refuses an offset at or past the end).
 */
export function posterOffset(seconds: number, duration: number | null | undefined): number {
  const wanted = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  const last = duration && duration > 0 ? Math.max(0, Math.floor((duration - 0.01) * 10) / 10) : Infinity;
  return Math.round(Math.min(wanted, last) * 10) / 10;
}

/** The `so-` parameter for a frame time (omitted at 0, where ImageKit takes the first frame anyway). */
export function posterTransformation(seconds: number, duration: number | null | undefined): string {
  const at = posterOffset(seconds, duration);
  return at > 0 ? `so-${at}` : '';
}

/** Joins `tr` parts that may be empty: `['so-2', 'w-320']` → `so-2,w-320`. */
export function joinTransformation(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(',');
}
