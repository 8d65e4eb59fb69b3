import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, type CliEmulator } from '../helpers/cli.js';
import { pngBytes, sha256 } from '../helpers/fixtures.js';
import { parseRawResponse, rawExchange, rawRequest } from './raw-http.js';

/**
 * The emulator's HTTP boundary, attacked over real sockets against a real emulator process (the
 * `npm run emulator` entry point): request targets, Host, malformed paths and headers, resets. After
 * every test the process must still be running and answering.
 */
const PRIVATE_KEY = 'private_boundary_key_1234';
const HELP = 'For support kindly contact us at support@imagekit.io.';
const auth = { authorization: `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}` };

let root: string;
let cli: CliEmulator;
let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
let port: number;
let host: string;
let sdk: ImageKit;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ik-emu-boundary-'));
  cli = await spawnCli(['--port', '0', '--data', root, '--private-key', PRIVATE_KEY, '--public-key', 'public_boundary_key']);
  void cli.exited.then((e) => (exit = e));
  port = Number(new URL(cli.apiUrl).port);
  host = `127.0.0.1:${port}`;
  sdk = new ImageKit({ privateKey: PRIVATE_KEY, baseURL: cli.apiUrl, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  cli?.child.kill('SIGTERM');
  await cli?.exited;
  if (root) await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  expect(exit, `emulator process ended: ${JSON.stringify(exit)}\n${cli.stdout()}`).toBeUndefined();
  const res = await rawRequest(cli.apiUrl, { target: '/v1/files', headers: auth });
  expect(res.status).toBe(200);
});

const expectImageKitError = (json: Record<string, unknown> | undefined, message: RegExp) =>
  expect(json).toEqual({ message: expect.stringMatching(message), help: HELP });

describe('Host header (DNS rebinding)', () => {
  it('refuses a host name that merely resolves here with 421, on the API and the URL endpoint, key or not', async () => {
    for (const target of ['/v1/files', '/local/anything.png']) {
      for (const name of [`rebind.attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.:${port}`]) {
        const res = await rawRequest(cli.apiUrl, { target, headers: { ...auth, host: name } });
        expect(res.status, `${name} ${target}`).toBe(421);
        expectImageKitError(res.json, /answers only requests addressed to it.*DNS rebinding/);
      }
    }
  });

  it('refuses a request without Host, HTTP/1.0 or 1.1, with ImageKit’s 421', async () => {
    for (const version of ['1.0', '1.1']) {
      const res = parseRawResponse(await rawExchange(cli.apiUrl, `GET /v1/files HTTP/${version}\r\nAuthorization: ${auth.authorization}\r\nConnection: close\r\n\r\n`));
      expect(res.status, version).toBe(421);
      expectImageKitError(res.json, /has no Host header/);
    }
  });

  it('answers the addresses it listens on: 127.0.0.1, localhost (any case) and [::1] with its port', async () => {
    for (const name of [host, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      const res = await rawRequest(cli.apiUrl, { target: '/v1/files', headers: { ...auth, host: name } });
      expect(res.status, name).toBe(200);
    }
  });

  it('keeps the official SDK working end to end (upload, list, delivery of the uploaded file)', async () => {
    const png = await pngBytes(12, 8, '#118833');
    const up = await sdk.files.upload({ file: await toFile(png, 'sdk.png'), fileName: 'sdk.png', useUniqueFileName: false });
    expect((await sdk.assets.list({})).map((a) => a.name)).toContain('sdk.png');
    const served = await fetch(up.url!);
    expect(served.status).toBe(200);
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(png));
  });
});

describe('request targets and paths', () => {
  it('refuses absolute-form and asterisk-form targets with 400, also on the URL endpoint', async () => {
    for (const target of ['http://x/v1/files', `http://${host}/v1/files`, `http://${host}/local/sdk.png`, '*']) {
      const res = await rawRequest(cli.apiUrl, { method: target === '*' ? 'OPTIONS' : 'GET', target, headers: auth });
      expect(res.status, target).toBe(400);
      expectImageKitError(res.json, /is not a path/);
    }
  });

  it('answers malformed percent-encoding in delivery and API paths with ImageKit’s 400', async () => {
    for (const target of ['/local/%E0%A4%A.png', '/local/%zz.png', '/local/a%', '/v1/files/%E0%A4%A/details', '/%E0%A4%A']) {
      const res = await rawRequest(cli.apiUrl, { target, headers: auth });
      expect(res.status, target).toBe(400);
      expectImageKitError(res.json, /malformed percent-encoding/);
      expect(res.headers['x-ik-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('serves percent-encoded file names on the URL endpoint in every valid spelling', async () => {
    const png = await pngBytes(9, 9, '#334455');
    const up = await sdk.files.upload({ file: await toFile(png, 'x.png'), fileName: 'ünï-çødé.png', folder: '/földer', useUniqueFileName: false });
    expect(up.filePath).toBe('/földer/ünï-çødé.png');
    const spellings = [
      new URL(up.url!).pathname,
      '/local/f%C3%B6lder/%C3%BCn%C3%AF-%C3%A7%C3%B8d%C3%A9.png',
      '/local/f%c3%b6lder/%c3%bcn%c3%af-%c3%a7%c3%b8d%c3%a9.png',
      '/local/%66%C3%B6lder/%C3%BCn%C3%AF%2D%C3%A7%C3%B8d%C3%A9%2Epng',
    ];
    for (const target of spellings) {
      const res = await rawRequest(cli.apiUrl, { target });
      expect(res.status, target).toBe(200);
    }
    const bytes = Buffer.from(await (await fetch(up.url!)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(png));
  });
});

describe('Node’s HTTP parser refusals', () => {
  it('answers headers over 16 KB with ImageKit’s 431 and closes that connection only', async () => {
    const big = 'x'.repeat(20 * 1024);
    const raw = await rawExchange(cli.apiUrl, `GET /v1/files HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${big}\r\n\r\n`);
    const res = parseRawResponse(raw);
    expect(res.status).toBe(431);
    expectImageKitError(res.json, /headers are larger than 16 KB/);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('answers a malformed request line with ImageKit’s 400', async () => {
    const res = parseRawResponse(await rawExchange(cli.apiUrl, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(res.status).toBe(400);
    expectImageKitError(res.json, /not valid HTTP\/1\.1/);
  });

  it('survives 300 connections reset mid-request, mid-headers and mid-body', async () => {
    const requests = [
      `GET /v1/files HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'y'.repeat(8000)}`,
      `POST /api/v1/files/upload HTTP/1.1\r\nHost: ${host}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n`,
      `GET /local/${'z'.repeat(3000)}.png HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    ];
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        new Promise<void>((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () => {
            socket.write(requests[i % requests.length], () => setTimeout(() => socket.resetAndDestroy(), i % 5));
          });
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
        }),
      ),
    );
  });
});
