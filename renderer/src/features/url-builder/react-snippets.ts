// Copy-ready @imagekit/react code for a video and its adaptive stream. The SDK's `Video` renders a <video>
// whose src it builds from urlEndpoint, src, transformation, transformationPosition and queryParameters
// (its SrcProps; other props go to the <video>), and `buildSrc` builds any URL from the same options, e.g. the
// poster thumbnail or a stream manifest that a player library then loads. Signed URLs need the private key,
// so for those the finished URL is given as an absolute src, which buildSrc keeps as it is.
import type { UrlDraft } from '../../../../shared/domain/urls';
import { jsValue, jsxAttribute, sdkProps, signsUrl } from './output-formats';

/** The SDK options (SrcOptions) that build this draft's URL, as an object literal's lines at `indent`. */
function sdkOptions(draft: UrlDraft, urlEndpoint: string, indent: string): string {
  const lines = [`urlEndpoint: ${JSON.stringify(urlEndpoint)}`, `src: ${JSON.stringify(draft.src ?? '')}`];
  const steps = draft.transformation ?? [];
  if (steps.length) lines.push(`transformation: ${jsValue(steps, indent)}`);
  if (draft.transformationPosition === 'path') lines.push("transformationPosition: 'path'");
  if (draft.queryParameters && Object.keys(draft.queryParameters).length) lines.push(`queryParameters: ${jsValue(draft.queryParameters, indent, false)}`);
  return lines.map((l) => `${indent}${l},`).join('\n');
}

/** `buildSrc({...})` for this draft, or the finished signed URL as a string. */
function srcExpression(draft: UrlDraft, urlEndpoint: string, builtUrl: string, indent: string): string {
  if (signsUrl(draft)) return JSON.stringify(builtUrl);
  return `buildSrc({\n${sdkOptions(draft, urlEndpoint, `${indent}  `)}\n${indent}})`;
}

const SIGNED_NOTE = 'Signed URL: sign on your server (private key); it cannot be made in the browser.';

export interface PosterSource {
  draft: UrlDraft;
  url: string;
}

/** `<Video>` from @imagekit/react for a video draft, with its poster built by `buildSrc` when there is one. */
export function reactVideoSnippet(draft: UrlDraft, urlEndpoint: string, builtUrl: string, poster?: PosterSource): string {
  const signed = signsUrl(draft);
  const usesBuildSrc = !!poster && !signsUrl(poster.draft);
  const lines = [`import { ${usesBuildSrc ? 'buildSrc, ' : ''}Video } from '@imagekit/react';`, ''];
  const props = signed ? [jsxAttribute('urlEndpoint', urlEndpoint), jsxAttribute('src', builtUrl)] : sdkProps(draft, urlEndpoint);
  if (poster) props.push(`poster={${srcExpression(poster.draft, urlEndpoint, poster.url, '  ')}}`);
  props.push('controls', 'preload="metadata"', 'playsInline');
  if (signed) lines.push(`{/* ${SIGNED_NOTE} */}`);
  lines.push(`<Video\n${props.map((p) => `  ${p}`).join('\n')}\n/>`);
  return lines.join('\n');
}

/**
 * A React component that plays the stream: the manifest URL from `buildSrc`, played by hls.js (HLS; Safari
 * plays it natively) or Shaka Player (DASH), the same libraries as the page snippets.
 */
export function reactStreamSnippet(draft: UrlDraft, urlEndpoint: string, builtUrl: string, protocol: 'hls' | 'dash', poster?: string): string {
  const signed = signsUrl(draft);
  const imports = ["import { useEffect, useRef } from 'react';"];
  if (!signed) imports.push("import { buildSrc } from '@imagekit/react';");
  imports.push(protocol === 'hls' ? "import Hls from 'hls.js';" : "import shaka from 'shaka-player';");
  const src = srcExpression(draft, urlEndpoint, builtUrl, '    ');
  const play =
    protocol === 'hls'
      ? [
          "    if (video.canPlayType('application/vnd.apple.mpegurl')) {",
          '      video.src = src;',
          '      return;',
          '    }',
          '    const hls = new Hls();',
          '    hls.loadSource(src);',
          '    hls.attachMedia(video);',
          '    return () => hls.destroy();',
        ]
      : [
          '    shaka.polyfill.installAll();',
          '    const player = new shaka.Player();',
          '    player',
          '      .attach(video)',
          '      .then(() => player.load(src))',
          "      .catch((error) => console.error('The stream did not load', error));",
          '    return () => void player.destroy();',
        ];
  return [
    ...imports,
    '',
    'export function Stream() {',
    '  const ref = useRef<HTMLVideoElement>(null);',
    '  useEffect(() => {',
    '    const video = ref.current;',
    '    if (!video) return;',
    ...(signed ? [`    // ${SIGNED_NOTE}`] : []),
    `    const src = ${src};`,
    ...play,
    '  }, []);',
    `  return <video ref={ref}${poster ? ` ${jsxAttribute('poster', poster)}` : ''} controls playsInline />;`,
    '}',
  ].join('\n');
}
