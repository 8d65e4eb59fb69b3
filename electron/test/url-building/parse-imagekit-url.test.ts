// What the builder gets when a person pastes a URL: named options, layers as overlay objects, the
// signature, and warnings where the pasted text is not what the SDK would write.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageKitUrlError, parseImageKitUrl, toBuildOptions } from '../../../shared/url/parse-imagekit-url.js';
import { parseTransformationString } from '../../../shared/url/parse-transformation.js';
import { buildUrl } from '../../services/url-building/sdk-url-builder.js';

const ENDPOINT = 'https://ik.imagekit.io/demo';

afterEach(() => {
  vi.useRealTimers();
});

describe('parseImageKitUrl', () => {
  it('reads a path transformation with a text layer into an overlay object', () => {
    const parsed = parseImageKitUrl(
      `${ENDPOINT}/tr:l-text,i-Hello%20World,ff-Lacquer-Regular_nGqtVsBJT.ttf,fs-72,co-FFF000,l-end/default-image.jpg`,
      ENDPOINT,
    );
    expect(parsed).toMatchObject({ src: '/default-image.jpg', transformationPosition: 'path', signed: false, underEndpoint: true, warnings: [] });
    expect(parsed.transformation).toEqual([
      {
        overlay: {
          type: 'text',
          text: 'Hello World',
          transformation: [{ fontFamily: 'Lacquer-Regular_nGqtVsBJT.ttf', fontSize: '72', fontColor: 'FFF000' }],
        },
      },
    ]);
  });

  it('reads chained query steps, flags and path-valued parameters', () => {
    const parsed = parseImageKitUrl(`${ENDPOINT}/folder/a.jpg?tr=w-400,h-300,e-grayscale,di-folder@@b.jpg:rt-90,e-sharpen-10,pr-true`, ENDPOINT);
    expect(parsed.transformationPosition).toBe('query');
    expect(parsed.src).toBe('/folder/a.jpg');
    expect(parsed.transformation).toEqual([
      { width: '400', height: '300', grayscale: true, defaultImage: 'folder/b.jpg' },
      { rotation: '90', sharpen: '10', progressive: true },
    ]);
  });

  it('reads layer mode, position, timing, solid colours, subtitles and chained nested steps', () => {
    const steps = parseTransformationString(
      'l-image,i-ik_canvas,bg-FF0000,lm-multiply,lx-0,ly-N20,lfo-top_left,l-end:' +
        'l-subtitles,i-subs@@en.srt,lso-2,co-0000ff,l-end:' +
        'l-image,i-logo.png,w-100:rt-90,l-end',
    );
    expect(steps).toEqual([
      { overlay: { type: 'solidColor', color: 'FF0000', layerMode: 'multiply', position: { x: '0', y: 'N20', focus: 'top_left' } } },
      { overlay: { type: 'subtitle', input: 'subs/en.srt', timing: { start: '2' }, transformation: [{ color: '0000ff' }] } },
      { overlay: { type: 'image', input: 'logo.png', transformation: [{ width: '100' }, { rotation: '90' }] } },
    ]);
  });

  it('decodes base64 layer text and notes when the SDK default would not reproduce it', () => {
    expect(parseTransformationString('l-text,ie-SGVsbG9Xb3JsZA%3D%3D,l-end')).toEqual([
      { overlay: { type: 'text', text: 'HelloWorld', encoding: 'base64' } },
    ]);
    expect(parseTransformationString('l-text,ie-4KS54KS%2F4KSo4KWN4KSm4KWA,l-end')).toEqual([{ overlay: { type: 'text', text: 'हिन्दी' } }]);
  });

  it('reads hand-written layer text the SDK would encode differently, and says it will be re-encoded', () => {
    const parsed = parseImageKitUrl(`${ENDPOINT}/tr:l-text,i-Imagekité and more,fs-50,l-end/a.jpg`, ENDPOINT);
    expect(parsed.transformation).toEqual([{ overlay: { type: 'text', text: 'Imagekité and more', transformation: [{ fontSize: '50' }] } }]);
    expect(parsed.warnings).toEqual(['Layer text "Imagekité and more" is not written the way the SDK writes it; building re-encodes it.']);
    expect(buildUrl(toBuildOptions(parsed, 0))).toBe(`${ENDPOINT}/tr:l-text,ie-SW1hZ2VraXTDqSBhbmQgbW9yZQ%3D%3D,fs-50,l-end/a.jpg`);
  });

  it('notes re-encoded layer text only when the layer is parsed, not when it is kept raw', () => {
    const notes: string[] = [];
    expect(parseTransformationString('l-text,i-a b:w-1,l-end', notes)).toEqual([{ raw: 'l-text,i-a b:w-1,l-end' }]);
    expect(parseTransformationString('l-text,i-a b, ,l-end', notes)).toEqual([{ raw: 'l-text,i-a b, ,l-end' }]);
    expect(notes).toEqual([]);
    expect(parseTransformationString('l-text,i-a b,l-end', notes)).toEqual([{ overlay: { type: 'text', text: 'a b' } }]);
    expect(notes).toHaveLength(1);
  });

  it('keeps what no option can write as raw, from that parameter to the end of its step', () => {
    expect(parseTransformationString('w-100,foo-1,h-5:h-6')).toEqual([{ width: '100', raw: 'foo-1,h-5' }, { height: '6' }]);
    expect(parseTransformationString('w-1,w-2')).toEqual([{ width: '1', raw: 'w-2' }]);
    expect(parseTransformationString('e-grayscale-50')).toEqual([{ raw: 'e-grayscale-50' }]);
    expect(parseTransformationString('h-1,l-text,i-never%20closed:w-2')).toEqual([{ height: '1', raw: 'l-text,i-never%20closed:w-2' }]);
    expect(parseTransformationString('l-shape,i-x,l-end')).toEqual([{ raw: 'l-shape,i-x,l-end' }]);
  });

  it('returns the signature and turns ik-t back into expiresIn', () => {
    const now = 1_900_000_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now * 1000);
    const signedUrl = buildUrl({ urlEndpoint: ENDPOINT, src: '/private/a.jpg', transformation: [{ width: 200 }], expiresIn: 300 }, 'key');
    const parsed = parseImageKitUrl(signedUrl, ENDPOINT);
    expect(parsed.signed).toBe(true);
    expect(parsed.signature?.expiresAt).toBe(now + 300);
    expect(parsed.signature?.value).toMatch(/^[0-9a-f]{40}$/);
    expect(toBuildOptions(parsed, now)).toMatchObject({ signed: true, expiresIn: 300 });
    expect(toBuildOptions(parsed, now + 301).expiresIn).toBeUndefined();
  });

  it('decodes the src for display and keeps extra query parameters in order', () => {
    const parsed = parseImageKitUrl(`${ENDPOINT}/files/%E0%A4%B9%20x.png?version=2.0&q=a+b&tr=w-10`, ENDPOINT);
    expect(parsed.src).toBe('/files/ह x.png');
    expect(parsed.queryParameters).toEqual({ version: '2.0', q: 'a b' });
    expect(Object.keys(parsed.queryParameters)).toEqual(['version', 'q']);
    expect(parsed.warnings).toEqual([]);
  });

  it('decodes a transformation that older SDKs percent-encoded, with a warning', () => {
    const parsed = parseImageKitUrl(`${ENDPOINT}/a.jpg?tr=h-300%2Cw-400`, ENDPOINT);
    expect(parsed.transformation).toEqual([{ height: '300', width: '400' }]);
    expect(parsed.warnings).toEqual(['The transformation was percent-encoded (older SDKs); building writes it unencoded.']);
  });

  it('keeps a URL from another origin whole as an absolute src', () => {
    const parsed = parseImageKitUrl('https://cdn.example.com/img/a.jpg?v=1&tr=w-100', ENDPOINT);
    expect(parsed).toMatchObject({ underEndpoint: false, src: 'https://cdn.example.com/img/a.jpg?v=1', transformationPosition: 'query' });
    expect(parsed.transformation).toEqual([{ width: '100' }]);
    expect(parsed.warnings).toEqual([]);
    expect(buildUrl(toBuildOptions(parsed, 0))).toBe('https://cdn.example.com/img/a.jpg?v=1&tr=w-100');
  });

  it('keeps a query the SDK would re-encode verbatim inside an absolute src', () => {
    const url = `${ENDPOINT}/a.jpg?x=a,b&y=2&tr=w-1`;
    const parsed = parseImageKitUrl(url, ENDPOINT);
    expect(parsed).toMatchObject({ src: `${ENDPOINT}/a.jpg?x=a,b&y=2`, queryParameters: {}, underEndpoint: true, warnings: [] });
    expect(buildUrl(toBuildOptions(parsed, 0))).toBe(url);
  });

  it('warns when the pasted text is not what the SDK would write', () => {
    const reordered = parseImageKitUrl(`${ENDPOINT}/a.jpg?tr=w-1&y=2#frag`, ENDPOINT);
    expect(reordered.warnings).toEqual([
      'The #fragment is not part of an ImageKit URL and is dropped.',
      'The tr parameter is not the last one; building puts it after the others.',
    ]);
    const pathForm = parseImageKitUrl(`${ENDPOINT}/tr:w-1/a.jpg?x=a,b&2=c`, ENDPOINT);
    expect(pathForm.queryParameters).toEqual({ x: 'a,b', 2: 'c' });
    expect(pathForm.warnings).toEqual([
      'Query parameter "x" will be re-encoded as x=a%2Cb.',
      'Numeric query parameter names move first when the URL is built.',
    ]);
  });

  it('rejects text that is not an http(s) URL, and an invalid endpoint, with a specific error', () => {
    expect(() => parseImageKitUrl('not a url', ENDPOINT)).toThrow(new ImageKitUrlError('Not an http(s) URL: "not a url"'));
    expect(() => parseImageKitUrl('ftp://host/a.jpg', ENDPOINT)).toThrow(ImageKitUrlError);
    expect(() => parseImageKitUrl(`${ENDPOINT}/a.jpg`, 'demo')).toThrow('The URL endpoint is not a valid URL: "demo"');
  });
});
