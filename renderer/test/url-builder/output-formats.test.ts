import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlImg, markdownImage, reactSnippet, responsiveMarkup } from '../../src/features/url-builder/output-formats';

const url = 'https://ik.imagekit.io/demo/tr:w-300/a b.jpg?v=1&x="2"';

describe('copy formats', () => {
  it('escapes attribute values in HTML and keeps sizes when known', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(htmlImg(url, 'Cat "Tom" & <me>', 300, 200)).toBe(
      '<img src="https://ik.imagekit.io/demo/tr:w-300/a b.jpg?v=1&amp;x=&quot;2&quot;" alt="Cat &quot;Tom&quot; &amp; &lt;me&gt;" width="300" height="200" loading="lazy">',
    );
    expect(htmlImg('https://x/y.jpg', '')).toBe('<img src="https://x/y.jpg" alt="" loading="lazy">');
  });

  it('writes Markdown whose link target survives spaces and parentheses', () => {
    expect(markdownImage('https://x/a (1).jpg', 'A [draft]')).toBe('![A \\[draft\\]](https://x/a%20%281%29.jpg)');
  });

  it('writes one <img srcset> for one format and a <picture> with typed sources for several', () => {
    const one = [
      { width: 320, url: 'https://x/tr:w-320/a.jpg' },
      { width: 640, url: 'https://x/tr:w-640/a.jpg' },
    ];
    expect(responsiveMarkup(one, 'A')).toBe(
      '<img src="https://x/tr:w-640/a.jpg" srcset="https://x/tr:w-320/a.jpg 320w, https://x/tr:w-640/a.jpg 640w" sizes="100vw" alt="A" loading="lazy">',
    );
    const two = [
      { width: 320, format: 'avif', url: 'https://x/a-320.avif' },
      { width: 320, format: 'jpg', url: 'https://x/a-320.jpg' },
    ];
    expect(responsiveMarkup(two, 'A', '50vw')).toBe(
      '<picture>\n  <source type="image/avif" srcset="https://x/a-320.avif 320w" sizes="50vw">\n  <img src="https://x/a-320.jpg" srcset="https://x/a-320.jpg 320w" sizes="50vw" alt="A" loading="lazy">\n</picture>',
    );
    expect(responsiveMarkup([], 'A')).toBe('');
  });

  it('writes an @imagekit/react <Image> with the steps as objects, numbers only where exact', () => {
    const snippet = reactSnippet(
      {
        src: '/a.jpg',
        transformation: [{ width: '300', quality: '080' }, { overlay: { type: 'text', text: 'Hi "you"' } }],
        transformationPosition: 'path',
        queryParameters: { v: '2' },
      },
      'https://ik.imagekit.io/demo',
      'unused',
      'A',
    );
    expect(snippet).toBe(
      [
        "import { Image } from '@imagekit/react';",
        '',
        '<Image',
        '  urlEndpoint="https://ik.imagekit.io/demo"',
        '  src="/a.jpg"',
        '  transformation={[',
        '    {',
        '      width: 300,',
        '      quality: "080"',
        '    },',
        '    {',
        '      overlay: {',
        '        type: "text",',
        '        text: "Hi \\"you\\""',
        '      }',
        '    }',
        '  ]}',
        '  transformationPosition="path"',
        '  queryParameters={{',
        '    v: "2"',
        '  }}',
        '  alt="A"',
        '/>',
      ].join('\n'),
    );
  });

  it('uses the finished URL for a signed image, since signing needs the private key', () => {
    const snippet = reactSnippet({ src: '/p.jpg', signed: true }, 'https://ik.imagekit.io/demo', 'https://ik.imagekit.io/demo/p.jpg?ik-s=abc', 'P');
    expect(snippet).toContain('src="https://ik.imagekit.io/demo/p.jpg?ik-s=abc"');
    expect(snippet).toContain('Signed URL: sign on your server');
    // The SDK's Image renders nothing without a urlEndpoint, even for an absolute src.
    expect(snippet).toContain('urlEndpoint="https://ik.imagekit.io/demo"');
  });
});
