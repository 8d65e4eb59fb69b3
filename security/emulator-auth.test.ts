import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { multipartBody, rawRequest, type RawResponse } from '../emulator/test/security/raw-http';
import { listEmulatorApiRoutes, type EmulatorRoute } from './emulator-routes';

/**
 * Table-driven: every API route the emulator registers (read from Fastify, see emulator-routes.ts)
 * refuses each kind of missing or wrong credential with ImageKit's 401/403 and changes nothing, also
 * when its path is percent-encoded (the router decodes `/%761/files` to `/v1/files`) or sent in
 * absolute form (`GET http://x/v1/files`). A valid key on the same table proves each row reaches a
 * real route and auth was the reason.
 */
let root: string;
let emu: RunningEmulator;
let routes: EmulatorRoute[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-emulator-auth-'));
  routes = await listEmulatorApiRoutes();
  emu = await startEmulator({ dataDir: path.join(root, 'data'), privateKey: 'private_auth_test_key_1234', publicKey: 'public_auth_test_key_1234', quiet: true, faults: '' });
}, 60_000);

afterAll(async () => {
  await emu?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;
const UPLOAD = '/api/v1/files/upload';

/** Wrong credentials and the status ImageKit answers (401: none usable; 403: a key, but not this one). */
function badCredentials(): [string, string | undefined, 401 | 403][] {
  return [
    ['no Authorization header', undefined, 401],
    ['an empty Basic header', 'Basic', 401],
    ['the private key as a Bearer token', `Bearer ${emu.privateKey}`, 401],
    ['a wrong key', basic('private_wrong_key'), 403],
    ['the public key in place of the private key', basic(emu.publicKey), 403],
    ['the private key minus its last character', basic(emu.privateKey.slice(0, -1)), 403],
    ['the private key plus a character', basic(`${emu.privateKey}x`), 403],
    ['the private key as the password, not the user', `Basic ${Buffer.from(`:${emu.privateKey}`).toString('base64')}`, 403],
  ];
}

/** A concrete URL for a route pattern (`:fileId` → a well-formed id that does not exist). */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '5f8a9c0b1d2e3f4a5b6c7d8e').replace(/\*$/, 'x');

async function send(route: EmulatorRoute, authorization: string | undefined): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  let body: BodyInit | undefined;
  if (route.url === UPLOAD) {
    const form = new FormData();
    form.set('file', new Blob([Buffer.from('refused upload')]), 'refused.txt');
    form.set('fileName', 'refused.txt');
    body = form;
  } else if (!['GET', 'HEAD', 'OPTIONS'].includes(route.method)) {
    headers['content-type'] = 'application/json';
    body = '{}';
  }
  const res = await fetch(`${emu.apiUrl}${concrete(route.url)}`, { method: route.method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const hex = (ch: string, lower: boolean) => {
  const code = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${lower ? code : code.toUpperCase()}`;
};
const encodeAt = (path: string, i: number) => path.slice(0, i) + hex(path[i], false) + path.slice(i + 1);

/** Spellings of one path that decode to it (sent raw; `fetch` would keep them, but not the absolute forms below). */
function encodedSpellings(path: string): string[] {
  const lastSegment = path.lastIndexOf('/') + 1;
  const firstDigit = path.search(/\d/);
  return [
    encodeAt(path, 1), // `/%761/files`
    ...(firstDigit > 0 ? [encodeAt(path, firstDigit)] : []), // `/v%31/files`
    encodeAt(path, lastSegment),
    path.replace(/[^/]/g, (ch) => hex(ch, true)), // every byte, lowercase hex
  ];
}

/** The same path as an absolute-form target, as a proxy would be addressed. */
const absoluteForms = (path: string) => [`http://x${path}`, `${emu.apiUrl}${path}`, `https://evil.example:8443${path}`];

async function sendRaw(route: EmulatorRoute, target: string, authorization: string | undefined): Promise<RawResponse> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  let body: Buffer | undefined;
  if (route.url === UPLOAD) {
    const form = multipartBody({ fileName: 'refused.txt' }, { name: 'refused.txt', data: Buffer.from('refused upload') });
    headers['content-type'] = form.contentType;
    body = form.body;
  } else if (!['GET', 'HEAD', 'OPTIONS'].includes(route.method)) {
    headers['content-type'] = 'application/json';
    body = Buffer.from('{}');
  }
  return rawRequest(emu.apiUrl, { method: route.method, target, headers, body });
}

const imageKitShaped = (route: EmulatorRoute, res: RawResponse) =>
  route.method === 'HEAD' || (typeof res.json?.message === 'string' && typeof res.json?.help === 'string');

describe('emulator API: every route refuses a request without valid auth', () => {
  it('finds the API routes from Fastify (list, upload, folders, custom metadata, bulk jobs, purge…)', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    expect(keys).toEqual(expect.arrayContaining(['GET /v1/files', `POST ${UPLOAD}`, 'POST /v1/folder', 'GET /v1/customMetadataFields', 'POST /v1/bulkJobs/moveFolder', 'POST /v1/files/purge']));
    expect(routes.length).toBeGreaterThan(25);
  });

  it('refuses every (route × bad credential) with 401/403 in ImageKit’s error shape', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const [label, authorization, status] of badCredentials()) {
        const res = await send(route, authorization);
        if (res.status !== status) wrong.push(`${route.method} ${route.url} with ${label}: ${res.status} ${JSON.stringify(res.body)}`);
        else if (route.method !== 'HEAD') expect(res.body).toMatchObject({ message: expect.any(String), help: expect.any(String) });
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('refuses a client-side upload whose signature is wrong or absent (the one route with a second auth method)', async () => {
    const expire = String(Math.floor(Date.now() / 1000) + 600);
    const variants: Record<string, string>[] = [
      { publicKey: emu.publicKey, token: 'tok-1', expire, signature: '0'.repeat(40) },
      { publicKey: emu.publicKey, token: 'tok-2', expire },
      { publicKey: 'public_someone_else', token: 'tok-3', expire, signature: '0'.repeat(40) },
      { token: 'tok-4', expire, signature: '0'.repeat(40) },
    ];
    for (const fields of variants) {
      const form = new FormData();
      form.set('file', new Blob([Buffer.from('refused upload')]), 'refused.txt');
      form.set('fileName', 'refused.txt');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      const res = await fetch(`${emu.apiUrl}${UPLOAD}`, { method: 'POST', body: form });
      expect([400, 401, 403], JSON.stringify(fields)).toContain(res.status);
    }
  });

  it('refuses every route reached through a percent-encoded path without a key (401) or with a wrong one (403)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const target of encodedSpellings(concrete(route.url))) {
        for (const [authorization, status] of [[undefined, 401], [basic('private_wrong_key'), 403]] as const) {
          const res = await sendRaw(route, target, authorization);
          if (res.status !== status || !imageKitShaped(route, res)) wrong.push(`${route.method} ${target} (${status}): ${res.status} ${res.text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses every route sent as an absolute-form target with ImageKit’s 400, with or without the key', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const target of absoluteForms(concrete(route.url))) {
        for (const authorization of [undefined, basic(emu.privateKey)]) {
          const res = await sendRaw(route, target, authorization);
          const said = route.method === 'HEAD' || /is not a path/.test(String(res.json?.message));
          if (res.status !== 400 || !said || !imageKitShaped(route, res)) wrong.push(`${route.method} ${target}: ${res.status} ${res.text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('changed nothing: no file, folder or custom metadata field was created by the refused requests', async () => {
    const auth = { authorization: basic(emu.privateKey) };
    expect(await (await fetch(`${emu.apiUrl}/v1/files?includeFolder=true`, { headers: auth })).json()).toEqual([]);
    expect(await (await fetch(`${emu.apiUrl}/v1/customMetadataFields?includeDeleted=true`, { headers: auth })).json()).toEqual([]);
  });

  it('lets the valid key through on every row, so each refusal above was about auth and hit a real route', async () => {
    const unreached: string[] = [];
    for (const route of routes) {
      const res = await send(route, basic(emu.privateKey));
      const message = (res.body as { message?: string } | null)?.message ?? '';
      if (res.status === 401 || res.status === 403 || message.startsWith('No route for')) unreached.push(`${route.method} ${route.url}: ${res.status} ${message}`);
    }
    expect(unreached).toEqual([]);
  }, 60_000);

  it('lets the valid key through on every percent-encoded spelling too, so those rows reached the same routes', async () => {
    const unreached: string[] = [];
    for (const route of routes) {
      for (const target of encodedSpellings(concrete(route.url))) {
        const res = await sendRaw(route, target, basic(emu.privateKey));
        const message = String(res.json?.message ?? '');
        if (res.status === 401 || res.status === 403 || message.startsWith('No route for')) unreached.push(`${route.method} ${target}: ${res.status} ${message}`);
      }
    }
    expect(unreached).toEqual([]);
  }, 120_000);
});
