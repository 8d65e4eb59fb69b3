import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltUrl, NamedTransformationList, ParsedUrlView, SignedUrlCheck, UrlPreset, UrlPreview } from '../../../shared/domain/urls';
import { computeUrlSignature } from '../../services/url-building/sdk-url-builder';
import { presetFilePath } from '../../services/url-builder/preset-store';
import { startUrlsHarness, type UrlsHarness } from './support';

let h: UrlsHarness;
let endpoint: string;
let publicPath: string;
let privatePath: string;

beforeAll(async () => {
  h = await startUrlsHarness();
  endpoint = h.localLibrary.urlEndpoint;
  publicPath = await h.upload('scene.jpg', { width: 800, height: 600 });
  privatePath = await h.upload('secret.jpg', { isPrivateFile: true });
});

afterAll(async () => {
  await h?.close();
});

describe('urls.build and urls.preview against the Local library', () => {
  it('builds h-200,w-200 in the path form and the preview reports 200×200 from the rendered bytes', async () => {
    const draft = { src: publicPath, transformation: [{ height: '200', width: '200' }], transformationPosition: 'path' };
    const preview = await h.data<UrlPreview>('urls.preview', { draft });
    expect(preview.built.url).toBe(`${endpoint}/tr:h-200,w-200${publicPath}`);
    expect(preview.built.problems).toEqual([]);
    expect(preview.originalUrl).toBe(`${endpoint}${publicPath}`);
    expect(preview.probe).toMatchObject({ ok: true, status: 200, width: 200, height: 200 });
    expect(preview.probe?.bytes).toBeGreaterThan(100);
    expect(preview.probe?.format).toMatch(/^(webp|avif|jpeg)$/);
    expect(preview.probe?.renderMs).toBeGreaterThan(0);
  });

  it('applies chained steps in order: rt-90 then a resize gives a portrait result', async () => {
    const draft = { src: publicPath, transformation: [{ rotation: '90' }, { width: '300' }] };
    const preview = await h.data<UrlPreview>('urls.preview', { draft });
    expect(preview.built.url).toBe(`${endpoint}${publicPath}?tr=rt-90:w-300`);
    expect(preview.probe).toMatchObject({ ok: true, width: 300, height: 400 });
  });

  it('renders a text overlay step', async () => {
    const overlay = { type: 'text', text: 'Hello', transformation: [{ fontSize: '40', fontColor: 'FF0000' }] };
    const preview = await h.data<UrlPreview>('urls.preview', { draft: { src: publicPath, transformation: [{ width: '400' }, { overlay }] } });
    expect(preview.built.transformation).toBe('w-400:l-text,i-Hello,fs-40,co-FF0000,l-end');
    expect(preview.probe).toMatchObject({ ok: true, width: 400, height: 300 });
  });

  it('flags invalid values and unknown parameters per step and requests nothing', async () => {
    const draft = { src: publicPath, transformation: [{ width: 'abc', quality: '500' }, { raw: 'foo-1' }] };
    const preview = await h.data<UrlPreview>('urls.preview', { draft });
    expect(preview.probe).toBeNull();
    expect(preview.built.problems.map((p) => [p.step, p.param])).toEqual([
      [0, 'w'],
      [0, 'q'],
      [1, 'foo'],
    ]);
    expect(preview.built.problems[1].message).toMatch(/from 1 to 100/);
  });

  it('shows the server error (ik-error) when a render fails', async () => {
    const preview = await h.data<UrlPreview>('urls.preview', { draft: { src: '/no/such/file.jpg', transformation: [{ width: '100' }] } });
    expect(preview.probe).toMatchObject({ ok: false, status: 404 });
    expect(preview.probe?.error).toMatch(/^ENOENT/);
  });

  it('names a missing src as a problem of the whole URL and builds nothing', async () => {
    const built = await h.data<BuiltUrl>('urls.build', { draft: { src: '' } });
    expect(built.url).toBe('');
    expect(built.problems).toEqual([{ param: 'src', message: 'Choose a file or enter a path.' }]);
  });

  it('marks AI parameters the Local library cannot render as approximated', async () => {
    const built = await h.data<BuiltUrl>('urls.build', { draft: { src: publicPath, transformation: [{ aiRemoveBackground: true }] } });
    expect(built.problems).toEqual([]);
    expect(built.approximated).toEqual(['e-bgremove']);
  });
});

describe('private files and signed URLs', () => {
  it('refuses the unsigned URL of a private file and serves the signed one', async () => {
    const unsigned = await h.data<UrlPreview>('urls.preview', { draft: { src: privatePath, transformation: [{ width: '100' }] } });
    expect(unsigned.probe).toMatchObject({ ok: false, status: 401 });
    expect(unsigned.probe?.error).toMatch(/private/i);

    const signed = await h.data<UrlPreview>('urls.preview', { draft: { src: privatePath, transformation: [{ width: '100' }], signed: true, expiresIn: 600 } });
    expect(signed.built.url).toMatch(/[?&]ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    expect(signed.probe).toMatchObject({ ok: true, width: 100 });
    expect(signed.originalUrl).toMatch(/ik-s=/);

    const check = await h.data<SignedUrlCheck>('urls.checkSigned', { url: signed.built.url });
    expect(check.outcome).toBe('served');
    const refused = await h.data<SignedUrlCheck>('urls.checkSigned', { url: unsigned.built.url });
    expect(refused).toMatchObject({ outcome: 'refused', status: 401 });
  });

  it('says expired for a correctly signed URL whose ik-t has passed', async () => {
    const unsigned = `${endpoint}${privatePath}?tr=w-50`;
    const expiry = Math.floor(Date.now() / 1000) - 60;
    const signature = computeUrlSignature({ url: unsigned, urlEndpoint: endpoint, expiryTimestamp: expiry }, h.localLibrary.privateKey);
    const check = await h.data<SignedUrlCheck>('urls.checkSigned', { url: `${unsigned}&ik-t=${expiry}&ik-s=${signature}` });
    expect(check).toMatchObject({ outcome: 'expired', status: 401 });
  });

  it('never requests a host other than the profile endpoint', async () => {
    const result = await h.call('urls.checkSigned', { url: 'http://127.0.0.1:9/elsewhere.jpg' });
    expect(result.ok === false && result.error.code).toBe('BAD_INPUT');
  });

  it('never sends the private key to the renderer', async () => {
    const outputs = await Promise.all([
      h.call('urls.preview', { draft: { src: privatePath, signed: true } }),
      h.call('urls.responsive', { draft: { src: privatePath, signed: true }, widths: [200, 400] }),
      h.call('urls.parse', { url: `${endpoint}${privatePath}?ik-s=abc` }),
    ]);
    for (const output of outputs) expect(JSON.stringify(output)).not.toContain(h.localLibrary.privateKey);
  });
});

describe('urls.parse', () => {
  it('fills a draft from a pasted URL, and building it gives the same URL', async () => {
    const overlay = { type: 'text', text: 'Sale ©', position: { x: '10', y: 'N20' }, transformation: [{ fontSize: '30' }] };
    const draft = { src: publicPath, transformation: [{ width: '300', height: '200', crop: 'at_max' }, { overlay }, { raw: 'e-contrast' }], transformationPosition: 'path', queryParameters: { v: '2' } };
    const built = await h.data<BuiltUrl>('urls.build', { draft });
    const parsed = await h.data<ParsedUrlView>('urls.parse', { url: built.url });
    expect(parsed.exact).toBe(true);
    expect(parsed.rebuiltUrl).toBe(built.url);
    expect(parsed.draft).toMatchObject({ src: publicPath, transformationPosition: 'path', queryParameters: { v: '2' }, signed: false });
    expect(parsed.draft.transformation[1]).toEqual({ overlay: { type: 'text', text: 'Sale ©', position: { x: '10', y: 'N20' }, transformation: [{ fontSize: '30' }] } });
  });

  it('reports a pasted signed URL that has expired', async () => {
    const parsed = await h.data<ParsedUrlView>('urls.parse', { url: `${endpoint}${publicPath}?ik-t=1000&ik-s=abc` });
    expect(parsed).toMatchObject({ expired: true, expiresAt: 1000 });
    expect(parsed.draft.signed).toBe(true);
  });

  it('refuses text that is not an http(s) URL with a clear message', async () => {
    const result = await h.call('urls.parse', { url: 'not a url' });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Not an http(s) URL: "not a url"' } });
  });
});

describe('presets, responsive URLs and named transformations', () => {
  it('saves presets per profile on disk, replaces by name, deletes, and refuses a damaged file without emptying it', async () => {
    const options = { transformation: [{ width: '200' }], transformationPosition: 'path' };
    const first = await h.data<UrlPreset>('urls.presets.save', { name: ' Thumb ', options });
    expect(first.name).toBe('Thumb');
    const replaced = await h.data<UrlPreset>('urls.presets.save', { name: 'Thumb', options: { transformation: [{ width: '250' }] } });
    expect(replaced.id).toBe(first.id);
    await h.data('urls.presets.save', { name: 'Wide', options });
    const list = await h.data<UrlPreset[]>('urls.presets.list');
    expect(list.map((p) => [p.name, p.options.transformation])).toEqual([
      ['Thumb', [{ width: '250' }]],
      ['Wide', [{ width: '200' }]],
    ]);
    const file = presetFilePath(h.dataDir, 'local');
    expect(JSON.parse(await readFile(file, 'utf8')).presets).toHaveLength(2);

    await h.data('urls.presets.delete', { id: first.id });
    expect((await h.data<UrlPreset[]>('urls.presets.list')).map((p) => p.name)).toEqual(['Wide']);
    expect((await h.call('urls.presets.delete', { id: first.id })).ok).toBe(false);
    expect((await h.call('urls.presets.save', { name: '  ', options })).ok).toBe(false);

    await writeFile(file, '{ not json');
    const damaged = await h.call('urls.presets.list');
    expect(damaged.ok === false && damaged.error.message).toMatch(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });

  it('builds one URL per width and format for srcset', async () => {
    const candidates = await h.data<Array<{ width: number; format?: string; url: string }>>('urls.responsive', {
      draft: { src: publicPath, transformation: [{ effect: undefined, rotation: '90' }] },
      widths: [640, 320],
      formats: ['webp', 'jpg'],
    });
    expect(candidates.map((c) => `${c.format}:${c.width}`)).toEqual(['webp:320', 'webp:640', 'jpg:320', 'jpg:640']);
    expect(candidates[0].url).toBe(`${endpoint}${publicPath}?tr=rt-90:w-320,f-webp`);
  });

  it('lists the built-in named transformations when the library has no listing API', async () => {
    const named = await h.data<NamedTransformationList>('urls.namedTransformations');
    expect(named.items).toContainEqual({ name: 'ik_ml_thumbnail', transformation: 'w-400,h-300,c-at_max', source: 'built-in' });
  });
});
