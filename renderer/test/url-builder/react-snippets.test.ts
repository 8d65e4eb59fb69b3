import { describe, expect, it } from 'vitest';
import { reactStreamSnippet, reactVideoSnippet } from '../../src/features/url-builder/react-snippets';

const ENDPOINT = 'https://ik.imagekit.io/demo';
const trimmed = { src: '/clips/a.mp4', transformation: [{ height: '480', startOffset: '1', duration: '2', format: 'webm' }] };

describe('@imagekit/react code for a video', () => {
  it('writes <Video> with the SrcProps the SDK documents, the poster from buildSrc and the <video> attributes', () => {
    const poster = { draft: { src: '/clips/a.mp4/ik-thumbnail.jpg', transformation: [{ height: '480', startOffset: '1' }] }, url: 'unused' };
    expect(reactVideoSnippet(trimmed, ENDPOINT, 'unused', poster)).toBe(
      [
        "import { buildSrc, Video } from '@imagekit/react';",
        '',
        '<Video',
        '  urlEndpoint="https://ik.imagekit.io/demo"',
        '  src="/clips/a.mp4"',
        '  transformation={[',
        '    {',
        '      height: 480,',
        '      startOffset: 1,',
        '      duration: 2,',
        '      format: "webm"',
        '    }',
        '  ]}',
        '  poster={buildSrc({',
        '    urlEndpoint: "https://ik.imagekit.io/demo",',
        '    src: "/clips/a.mp4/ik-thumbnail.jpg",',
        '    transformation: [',
        '      {',
        '        height: 480,',
        '        startOffset: 1',
        '      }',
        '    ],',
        '  })}',
        '  controls',
        '  preload="metadata"',
        '  playsInline',
        '/>',
      ].join('\n'),
    );
  });

  it('keeps the path form and imports only Video when there is no poster', () => {
    const snippet = reactVideoSnippet({ ...trimmed, transformationPosition: 'path' }, ENDPOINT, 'unused');
    expect(snippet.split('\n')[0]).toBe("import { Video } from '@imagekit/react';");
    expect(snippet).toContain('  transformationPosition="path"\n');
    expect(snippet).not.toContain('poster');
  });

  it('gives a signed video and poster as finished URLs, with the urlEndpoint the component needs to render', () => {
    const url = `${ENDPOINT}/secret.mp4?ik-s=abc`;
    const snippet = reactVideoSnippet({ src: '/secret.mp4', signed: true }, ENDPOINT, url, { draft: { src: '/secret.mp4/ik-thumbnail.jpg', signed: true }, url: `${ENDPOINT}/secret.mp4/ik-thumbnail.jpg?ik-s=def` });
    expect(snippet).toContain(`  urlEndpoint="${ENDPOINT}"\n  src="${url}"\n`);
    expect(snippet).toContain(`  poster={"${ENDPOINT}/secret.mp4/ik-thumbnail.jpg?ik-s=def"}`);
    expect(snippet).toContain('Signed URL: sign on your server');
    expect(snippet).not.toContain('buildSrc');
  });

  it('cannot be broken out of by a hostile path: values are JS string literals', () => {
    const snippet = reactVideoSnippet({ src: '/a"}<script>.mp4' }, ENDPOINT, 'unused');
    expect(snippet).toContain('src={"/a\\"}<script>.mp4"}');
  });
});

describe('@imagekit/react code for an adaptive stream', () => {
  const hls = { src: '/clips/a.mp4/ik-master.m3u8', transformation: [{ duration: '2', streamingResolutions: ['240', '480'] }] };

  it('builds the HLS manifest with buildSrc (resolutions as the SDK types them, strings) and plays it with hls.js', () => {
    const snippet = reactStreamSnippet(hls, ENDPOINT, 'unused', 'hls', `${ENDPOINT}/clips/a.mp4/ik-thumbnail.jpg`);
    expect(snippet).toContain("import { buildSrc } from '@imagekit/react';\nimport Hls from 'hls.js';");
    expect(snippet).toContain('    const src = buildSrc({\n      urlEndpoint: "https://ik.imagekit.io/demo",\n      src: "/clips/a.mp4/ik-master.m3u8",');
    expect(snippet).toContain('streamingResolutions: ["240", "480"]');
    expect(snippet).toContain('duration: 2,');
    expect(snippet).toContain("if (video.canPlayType('application/vnd.apple.mpegurl'))");
    expect(snippet).toContain('hls.attachMedia(video);');
    expect(snippet).toContain(`<video ref={ref} poster="${ENDPOINT}/clips/a.mp4/ik-thumbnail.jpg" controls playsInline />`);
  });

  it('plays DASH with Shaka Player', () => {
    const snippet = reactStreamSnippet({ ...hls, src: '/clips/a.mp4/ik-master.mpd' }, ENDPOINT, 'unused', 'dash');
    expect(snippet).toContain("import shaka from 'shaka-player';");
    expect(snippet).toContain('.then(() => player.load(src))');
    expect(snippet).not.toContain('Hls');
  });

  it('uses the signed manifest URL as it is, without buildSrc', () => {
    const url = `${ENDPOINT}/secret.mp4/ik-master.m3u8?tr=sr-360&ik-s=abc`;
    const snippet = reactStreamSnippet({ src: '/secret.mp4/ik-master.m3u8', signed: true }, ENDPOINT, url, 'hls');
    expect(snippet).toContain(`    const src = "${url}";`);
    expect(snippet).not.toContain('buildSrc');
    expect(snippet).toContain('// Signed URL: sign on your server');
  });
});
