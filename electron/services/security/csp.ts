/**
 * The renderer's Content-Security-Policy, sent as a header by both hosts (Electron's app://
 * protocol and the web host). Scripts and styles only from the app itself; images may come from
 * ImageKit (https) and from a Local library or emulator on this machine; the page talks to nothing
 * but its own origin ('self' also covers the web host's same-origin WebSocket). The URL builder's stream
 * player (hls.js over Media Source Extensions) needs only `media-src blob:` for its MediaSource, no worker
 * (it runs without one) and no connect-src: its manifests and segments come through the app's channel.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http://127.0.0.1:* http://localhost:*",
  "media-src 'self' blob: https: http://127.0.0.1:* http://localhost:*",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every renderer response, whichever host serves it. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
