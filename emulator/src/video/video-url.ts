/**
 * ImageKit's derived video URLs: a suffix after the video's own path names what to deliver.
 * - `<video>/ik-thumbnail.jpg`: a frame (documented);
 * - `<video>/ik-master.m3u8` / `<video>/ik-master.mpd`: HLS / DASH manifests with `tr=sr-…` (documented);
 * - `<video>/ik-video.mp4`: the video itself, for names without a video extension (documented);
 * - `<video>/ik-abs/<id>/<file>`: variant playlists and segments the emulator's manifests reference (its own
 *   naming: ImageKit does not document how its manifests name their parts).
 */
export type VideoTarget =
  | { kind: 'video' }
  | { kind: 'thumbnail' }
  | { kind: 'master'; protocol: 'hls' | 'dash' }
  | { kind: 'part'; absId: string; name: string };

export interface VideoPath {
  /** Library path of the video itself. */
  videoPath: string;
  target: VideoTarget;
  /** The derived suffix as written (empty for the video itself), for cache keys and child URLs. */
  suffix: string;
}

const ABS_ID = /^[a-f0-9]{16,64}$/;
const PART_NAME = /^[A-Za-z0-9_.-]{1,80}$/;

/** Splits a decoded library path into the video path and the derived target; undefined when there is no suffix. */
export function splitVideoPath(filePath: string): VideoPath | undefined {
  const simple: [string, VideoTarget][] = [
    ['/ik-thumbnail.jpg', { kind: 'thumbnail' }],
    ['/ik-master.m3u8', { kind: 'master', protocol: 'hls' }],
    ['/ik-master.mpd', { kind: 'master', protocol: 'dash' }],
    ['/ik-video.mp4', { kind: 'video' }],
  ];
  for (const [suffix, target] of simple) {
    if (filePath.endsWith(suffix) && filePath.length > suffix.length + 1) {
      return { videoPath: filePath.slice(0, -suffix.length), target, suffix };
    }
  }
  const parts = /^(.+)\/ik-abs\/([^/]+)\/([^/]+)$/.exec(filePath);
  if (parts && ABS_ID.test(parts[2]) && PART_NAME.test(parts[3]) && !parts[3].startsWith('.')) {
    return { videoPath: parts[1], target: { kind: 'part', absId: parts[2], name: parts[3] }, suffix: `/ik-abs/${parts[2]}/${parts[3]}` };
  }
  return undefined;
}
