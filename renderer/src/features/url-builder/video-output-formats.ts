// Copy-ready markup for a video's URLs: a `<video>` tag, and player pages for adaptive streams (hls.js,
// video.js, Shaka Player). Pure text functions; URLs are escaped for HTML attributes and JS strings.
import { escapeHtml } from './output-formats';

export type StreamPlayer = 'hls.js' | 'video.js' | 'shaka';

export const PLAYER_LABELS: Record<StreamPlayer, string> = {
  'hls.js': 'hls.js (HLS)',
  'video.js': 'Video.js (HLS and DASH)',
  shaka: 'Shaka Player (HLS and DASH)',
};

/** Players that can play this protocol (hls.js reads HLS only). */
export function playersFor(protocol: 'hls' | 'dash'): StreamPlayer[] {
  return protocol === 'hls' ? ['hls.js', 'video.js', 'shaka'] : ['video.js', 'shaka'];
}

function posterAttribute(poster: string | undefined): string {
  return poster ? ` poster="${escapeHtml(poster)}"` : '';
}

/** A JS string literal that cannot end the surrounding <script> element. */
function jsString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

export function htmlVideo(url: string, poster?: string, width?: number, height?: number): string {
  const size = `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`;
  return `<video src="${escapeHtml(url)}"${posterAttribute(poster)}${size} controls preload="metadata" playsinline></video>`;
}

/**
 * A page fragment that plays the stream with the chosen player. Safari plays HLS natively, so the hls.js
 * snippet only loads the library where the browser cannot.
 */
export function playerSnippet(player: StreamPlayer, url: string, protocol: 'hls' | 'dash', poster?: string): string {
  const video = `<video id="player"${posterAttribute(poster)} controls playsinline style="max-width: 100%"></video>`;
  if (player === 'hls.js') {
    return [
      video,
      '<script src="https://cdn.jsdelivr.net/npm/hls.js@1"></script>',
      '<script>',
      `  const src = ${jsString(url)};`,
      "  const video = document.getElementById('player');",
      "  if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = src;",
      '  else if (Hls.isSupported()) { const hls = new Hls(); hls.loadSource(src); hls.attachMedia(video); }',
      '</script>',
    ].join('\n');
  }
  if (player === 'video.js') {
    const type = protocol === 'hls' ? 'application/x-mpegURL' : 'application/dash+xml';
    return [
      '<link href="https://cdn.jsdelivr.net/npm/video.js@8/dist/video-js.min.css" rel="stylesheet">',
      `<video-js id="player" class="vjs-default-skin"${posterAttribute(poster)} controls preload="auto" width="640">`,
      `  <source src="${escapeHtml(url)}" type="${type}">`,
      '</video-js>',
      '<script src="https://cdn.jsdelivr.net/npm/video.js@8/dist/video.min.js"></script>',
      "<script>videojs('player');</script>",
    ].join('\n');
  }
  return [
    video,
    '<script src="https://cdn.jsdelivr.net/npm/shaka-player@4/dist/shaka-player.compiled.js"></script>',
    '<script>',
    '  shaka.polyfill.installAll();',
    '  const player = new shaka.Player();',
    "  player.attach(document.getElementById('player'))",
    `    .then(() => player.load(${jsString(url)}))`,
    "    .catch((error) => console.error('The stream did not load', error));",
    '</script>',
  ].join('\n');
}
