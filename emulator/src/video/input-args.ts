/**
 * Demuxers ffmpeg/ffprobe may use on a library file. Playlist and script formats (HLS, DASH, concat,
 * image2 patterns, …) are left out: they make ffmpeg open further files or URLs named inside the upload,
 * which would let a crafted "video" read other files of this computer or reach the network.
 * Covers ImageKit's documented input containers: mp4/mov/3gp (mov), mkv/webm (matroska), avi, mpeg, ogg,
 * flv, mpeg-ts (mts), plus GIF for gif-to-video.
 */
export const DEMUXERS = ['mov', 'matroska', 'avi', 'mpeg', 'mpegts', 'ogg', 'flv', 'gif'].join(',');

/** Input options for one library file: only local files, only the listed demuxers, the path never read as a URL. */
export function inputArgs(file: string): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS, '-i', `file:${file}`];
}
