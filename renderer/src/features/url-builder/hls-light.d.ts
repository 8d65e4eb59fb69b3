// hls.js ships types for its full build only; its light build (no subtitles, alternate audio, DRM or
// interstitials, which the builder's preview does not use) has the same API.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
