import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundPolicy, type ResolveHost } from '../../src/net/outbound-policy.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { eventually, localServer, pngBytes, sha256, type LocalServer } from '../helpers/fixtures.js';

/**
 * Remote-URL uploads and webhooks, attacked over real HTTP. `secret` stands for a service only the
 * emulator's host can reach (loopback admin port, LAN box, cloud metadata): it must never see a
 * request from a refused upload or webhook, and nothing it would serve may end up in the library.
 * `origin` plays a public web server; it also lives on loopback (there is no internet here), so
 * the policy is told to treat exactly its port as public.
 */
const EXTENSIONS = [{ name: 'google-auto-tagging' as const, minConfidence: 10, maxTags: 3 }];
const REFUSED = /^Your request contains invalid file parameter\. The URL points to a private address \(.+\); uploads from loopback, private, link-local and cloud-metadata addresses are refused\./;
const REDIRECT_REFUSED = /^Your request contains invalid file parameter\. The URL redirects to a private address \(.+\); uploads from .* are refused\./;

let secret: LocalServer;
let origin: LocalServer;
let png: Buffer;
const port = (server: LocalServer) => Number(new URL(server.url).port);

/** DNS answers for made-up names (the system resolver knows none of them, so a second lookup would fail). */
function fakeDns(answers: Record<string, string[]>, calls: string[] = []): ResolveHost {
  return (hostname) => {
    calls.push(hostname);
    const found = answers[hostname];
    if (!found) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) })));
  };
}

async function expectRefused(emu: TestEmulator, file: string, message: RegExp): Promise<void> {
  await expect(emu.sdk.files.upload({ file, fileName: 'stolen.png' }), file).rejects.toMatchObject({ status: 400, error: { message: expect.stringMatching(message) } });
}

beforeAll(async () => {
  png = await pngBytes(20, 10, '#aa3300');
  secret = await localServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
  origin = await localServer((req, res) => {
    const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
    if (req.url === '/to-secret') res.writeHead(302, { location: `${secret.url}/admin.png` }).end();
    else if (req.url === '/to-internal-name') res.writeHead(301, { location: `http://intranet.example:${port(secret)}/admin.png` }).end();
    else if (req.url === '/to-metadata') res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else if (req.url === '/to-self') res.writeHead(302, { location: '/photo.png' }).end();
    else if (hop) res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
    else if (req.url === '/hook-redirect') res.writeHead(307, { location: `${secret.url}/hook` }).end();
    else res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
});
afterAll(async () => {
  await secret.close();
  await origin.close();
});

describe('remote-URL uploads on a default emulator', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it('refuses loopback, private, link-local, metadata and unspecified addresses in every spelling, and contacts none of them', async () => {
    const p = port(secret);
    const urls = [
      `${secret.url}/admin.png`,
      `http://localhost:${p}/admin.png`,
      `http://[::1]:${p}/admin.png`,
      `http://[::ffff:127.0.0.1]:${p}/admin.png`,
      `http://2130706433:${p}/admin.png`, // 127.0.0.1 as one decimal number
      `http://0x7f.1:${p}/admin.png`,
      `http://0.0.0.0:${p}/admin.png`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://10.1.2.3/x.png',
      'http://172.16.0.1/x.png',
      'http://192.168.1.1/x.png',
      'http://100.64.0.1/x.png',
      'http://[fe80::1]/x.png',
      'http://[fc00::1]/x.png',
      'http://224.0.0.1/x.png',
      'https://[::ffff:a9fe:a9fe]/latest/meta-data/', // 169.254.169.254, IPv4-mapped
    ];
    for (const url of urls) await expectRefused(emu, url, REFUSED);
    expect(secret.requests).toEqual([]);
    expect(await emu.sdk.assets.list({})).toEqual([]);
  });

  it('says which address was refused and why', async () => {
    await expect(emu.sdk.files.upload({ file: 'http://169.254.169.254/latest/', fileName: 'm.png' })).rejects.toMatchObject({
      status: 400,
      error: { message: expect.stringContaining('(169.254.169.254, cloud metadata)'), help: expect.any(String) },
    });
  });
});

describe('remote-URL uploads with injected DNS and one "public" loopback origin', () => {
  let emu: TestEmulator;
  const calls: string[] = [];
  beforeAll(async () => {
    const dns = fakeDns(
      {
        'cdn.example': ['127.0.0.1'], // stands for a public host: its loopback address is exempt on origin's port only
        'images.example.com': ['127.0.0.1'],
        'intranet.example': ['10.0.0.8'],
        'mixed.example': ['93.184.216.34', '127.0.0.1'],
        'v6-mapped.example': ['::ffff:127.0.0.1'],
      },
      calls,
    );
    const policy = createOutboundPolicy({ resolveHost: dns, isExempt: (address, p) => address === '127.0.0.1' && p === port(origin) });
    emu = await startTestEmulator({ outboundPolicy: policy });
  });
  afterAll(() => emu.close());

  it('checks the address a public-looking name resolves to', async () => {
    const p = port(secret);
    await expectRefused(emu, `http://images.example.com:${p}/admin.png`, REFUSED);
    await expectRefused(emu, `http://intranet.example:${p}/admin.png`, REFUSED);
    await expectRefused(emu, `http://v6-mapped.example:${p}/admin.png`, REFUSED);
    // One private answer among public ones is enough to refuse.
    await expectRefused(emu, `http://mixed.example:${p}/admin.png`, REFUSED);
    expect(secret.requests).toEqual([]);
  });

  it('connects to the address it checked: a name only the injected DNS knows still downloads, resolved once', async () => {
    calls.length = 0;
    const up = await emu.sdk.files.upload({ file: `http://cdn.example:${port(origin)}/photo.png`, fileName: 'public.png', useUniqueFileName: false });
    expect(up.size).toBe(png.length);
    expect(calls).toEqual(['cdn.example']);
    const served = Buffer.from(await (await fetch(up.url!)).arrayBuffer());
    expect(sha256(served)).toBe(sha256(png));
  });

  it('follows an allowed redirect, but refuses one that leads to a private address, however it is named', async () => {
    const up = await emu.sdk.files.upload({ file: `${origin.url}/to-self`, fileName: 'redirected.png', useUniqueFileName: false });
    expect(up.size).toBe(png.length);
    await expectRefused(emu, `${origin.url}/to-secret`, REDIRECT_REFUSED);
    await expectRefused(emu, `${origin.url}/to-internal-name`, REDIRECT_REFUSED);
    await expectRefused(emu, `${origin.url}/to-metadata`, REDIRECT_REFUSED);
    expect(secret.requests).toEqual([]);
    expect((await emu.sdk.assets.list({})).map((f) => (f as { name: string }).name).sort()).toEqual(['public.png', 'redirected.png']);
  });

  it('stops after 5 redirects', async () => {
    const ok = await emu.sdk.files.upload({ file: `${origin.url}/hop/1`, fileName: 'hops.png' }).catch((e: unknown) => e);
    expect(ok).toMatchObject({ status: 400, error: { message: 'Your request contains invalid file parameter. The URL redirected more than 5 times.' } });
  });
});

describe('webhooks on a default emulator', () => {
  it('posts nothing to a loopback webhookUrl, on upload or on update, nor through a redirect', async () => {
    const emu = await startTestEmulator({
      outboundPolicy: createOutboundPolicy({ isExempt: (address, p) => address === '127.0.0.1' && p === port(origin) }),
    });
    let closed = false;
    try {
      const before = origin.requests.length;
      const up = await emu.sdk.files.upload({ file: png.toString('base64'), fileName: 'hooked.png', extensions: EXTENSIONS, webhookUrl: `${secret.url}/hook` });
      expect((up as { extensionStatus?: unknown }).extensionStatus).toEqual({ 'google-auto-tagging': 'failed' });
      await emu.sdk.files.update(up.fileId!, { extensions: EXTENSIONS, webhookUrl: `http://[::ffff:127.0.0.1]:${port(secret)}/hook` });
      await emu.sdk.files.update(up.fileId!, { extensions: EXTENSIONS, webhookUrl: `${origin.url}/hook-redirect` });
      // close() waits for every background task, webhook posts included.
      await emu.close();
      closed = true;
      expect(secret.requests).toEqual([]);
      expect(origin.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /hook-redirect']);
    } finally {
      if (!closed) await emu.close();
    }
  });
});

describe('an emulator started with allowPrivateRemoteUrls', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ allowPrivateRemoteUrls: true });
  });
  afterAll(() => emu.close());

  it('uploads from loopback directly and through a redirect, and posts webhooks there', async () => {
    const direct = await emu.sdk.files.upload({ file: `${secret.url}/direct.png`, fileName: 'direct.png' });
    const redirected = await emu.sdk.files.upload({ file: `${origin.url}/to-secret`, fileName: 'via-redirect.png', extensions: EXTENSIONS, webhookUrl: `${secret.url}/hook` });
    expect([direct.size, redirected.size]).toEqual([png.length, png.length]);
    await eventually(() => secret.requests.find((r) => r.method === 'POST' && r.url === '/hook'));
  });
});
