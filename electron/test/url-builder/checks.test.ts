import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ImageKit from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTransformation } from '../../services/url-builder/transformation-check';
import { judgeSignedUrl, expiryOf } from '../../services/url-builder/signed-check';
import { listNamedTransformations, namedLookup } from '../../services/url-builder/named-transformations';
import { presetFilePath } from '../../services/url-builder/preset-store';

describe('checkTransformation (before any request)', () => {
  it('reports every bad parameter with its step, not only the first', () => {
    const { problems } = checkTransformation('w-abc,h-200:rt-90,foo-1:q-0');
    expect(problems.map((p) => [p.step, p.param])).toEqual([
      [0, 'w'],
      [1, 'foo'],
      [2, 'q'],
    ]);
  });

  it('checks a layer as one unit with its nested chain, and finds approximated keys inside it', () => {
    expect(checkTransformation('l-image,i-logo.png,w-100:e-bgremove,l-end')).toEqual({ problems: [], approximated: ['e-bgremove'] });
    expect(checkTransformation('l-text,i-Hi,fs-abc,l-end').problems).toEqual([{ step: 0, param: 'fs', message: expect.stringMatching(/fs/) }]);
    expect(checkTransformation('l-text,i-Hi').problems[0]).toMatchObject({ param: 'l' });
  });

  it('flags empty parameters and old overlay keys', () => {
    expect(checkTransformation('w-100,,h-1').problems).toEqual([{ step: 0, param: 'tr', message: expect.stringMatching(/empty/i) }]);
    expect(checkTransformation('ot-Hello').problems[0]).toMatchObject({ param: 'ot', message: expect.stringMatching(/old overlay syntax/) });
  });

  it('checks n- names against the account list when known, and lets them through when not', () => {
    expect(checkTransformation('n-square', { named: new Map([['square', 'w-100,h-100']]) }).problems).toEqual([]);
    expect(checkTransformation('n-missing', { named: new Map() }).problems[0]).toMatchObject({ param: 'n' });
    expect(checkTransformation('n-anything').problems).toEqual([]);
    expect(checkTransformation('n-square', { named: new Map([['square', 'q-500']]) }).problems[0]).toMatchObject({ param: 'q' });
  });
});

describe('judgeSignedUrl', () => {
  const probe = (url: string, status: number) => ({ url, status, ok: status < 400, renderMs: 1, ...(status >= 400 ? { error: 'EACCES - signature' } : {}) });

  it('says served, refused or expired from the answer and ik-t', () => {
    expect(judgeSignedUrl(probe('https://x/a.jpg?ik-s=1', 200), 100).outcome).toBe('served');
    expect(judgeSignedUrl(probe('https://x/a.jpg?ik-t=50&ik-s=1', 401), 100)).toMatchObject({ outcome: 'expired', message: expect.stringMatching(/^Expired at 1970-01-01T00:00:50/) });
    expect(judgeSignedUrl(probe('https://x/a.jpg?ik-t=500&ik-s=1', 401), 100)).toMatchObject({ outcome: 'refused', message: 'Refused (HTTP 401): EACCES - signature' });
    expect(judgeSignedUrl(probe('https://x/a.jpg?ik-t=50&ik-s=1', 404), 100).outcome).toBe('refused');
    expect(expiryOf('https://x/a.jpg?tr=w-1&ik-t=123&ik-s=1')).toBe(123);
    expect(expiryOf('https://x/a.jpg?xik-t=123')).toBeUndefined();
  });
});

describe('named transformations through the SDK', () => {
  let server: http.Server;
  let baseURL: string;
  let answer: { status: number; body: unknown } = { status: 200, body: [] };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.writeHead(req.url === '/v1/named-transformations' ? answer.status : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const client = () => new ImageKit({ privateKey: 'private_x', baseURL, maxRetries: 0 });

  it('lists the account’s enabled names first, then the built-ins it does not override', async () => {
    answer = {
      status: 200,
      body: [
        { id: '1', name: 'square', transformation: 'w-100,h-100', enabled: true, createdAt: '2026-01-01T00:00:00Z' },
        { id: '2', name: 'off', transformation: 'w-1', enabled: false, createdAt: '2026-01-01T00:00:00Z' },
      ],
    };
    const list = await listNamedTransformations(client());
    expect(list.items.map((i) => `${i.source}:${i.name}`)).toEqual(['account:square', 'built-in:ik_ml_thumbnail']);
    expect(namedLookup(list)?.get('square')).toBe('w-100,h-100');
  });

  it('falls back to the built-ins with a note when there is no listing API, and maps other failures', async () => {
    answer = { status: 404, body: { message: 'Not found' } };
    const list = await listNamedTransformations(client());
    expect(list.note).toMatch(/does not list/);
    expect(namedLookup(list)).toBeUndefined();
    answer = { status: 403, body: { message: 'Your account cannot use this API' } };
    await expect(listNamedTransformations(client())).rejects.toMatchObject({ code: 'KEY_REJECTED' });
  });
});

describe('presetFilePath', () => {
  it('keeps every profile id inside the profiles folder', () => {
    expect(presetFilePath('/data', '../../etc')).toBe('/data/profiles/%2E%2E%2F%2E%2E%2Fetc/url-presets.json');
    expect(presetFilePath('/data', 'local')).toBe('/data/profiles/local/url-presets.json');
  });
});
