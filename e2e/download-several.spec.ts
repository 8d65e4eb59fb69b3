import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { Download } from '@playwright/test';
import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

const png = (colour: string) => sharp({ create: { width: 12, height: 12, channels: 3, background: colour } }).png().toBuffer();

test('downloading three selected files, one of them private, delivers all three originals', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  const originals = new Map<string, Buffer>([
    ['red.png', await png('#f00')],
    ['green.png', await png('#0f0')],
    ['secret.png', await png('#00f')],
  ]);
  for (const [name, bytes] of originals) {
    await lib.sdk.files.upload({ file: await toFile(bytes, name), fileName: name, folder: '/dl', useUniqueFileName: false, isPrivateFile: name === 'secret.png' });
  }
  await new AppPage(page).open(webHost.url);
  const ui = library(page);
  await ui.open('dl');
  await ui.file('red.png').click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByRole('status', { name: 'Selection' })).toContainText('3 selected');

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(3);
  const received = new Map<string, Buffer>();
  for (const download of downloads) {
    expect(await download.failure()).toBeNull();
    received.set(download.suggestedFilename(), readFileSync((await download.path())!));
  }
  expect([...received.keys()].sort()).toEqual(['green.png', 'red.png', 'secret.png']);
  for (const [name, bytes] of originals) expect(received.get(name)!.equals(bytes), name).toBe(true);
});

/** A raw GET to the web host (no browser), with the Host header chosen by the test. */
function get(origin: string, path: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

test('the download route refuses a missing or wrong token, bad ids, unknown files and a foreign Host', async ({ webHost }) => {
  const lib = localLibrarySdk(webHost);
  const uploaded = await lib.sdk.files.upload({ file: await toFile(await png('#888'), 'x.png'), fileName: 'x.png', useUniqueFileName: false });
  const settings = JSON.parse(readFileSync(`${webHost.dataDir}/settings.json`, 'utf8')) as { profiles: { id: string; kind: string }[] };
  const profile = settings.profiles.find((p) => p.kind === 'local')!.id;
  const q = (params: Record<string, string>) => `/downloads/original?${new URLSearchParams(params).toString()}`;

  expect((await get(webHost.origin, q({ profile, file: uploaded.fileId! }))).status).toBe(401);
  expect((await get(webHost.origin, q({ token: `${webHost.token}x`, profile, file: uploaded.fileId! }))).status).toBe(401);
  expect((await get(webHost.origin, q({ token: webHost.token, profile, file: '../../etc/passwd' }))).status).toBe(400);
  expect((await get(webHost.origin, q({ token: webHost.token, profile: 'nobody', file: uploaded.fileId! }))).status).toBe(404);
  expect((await get(webHost.origin, q({ token: webHost.token, profile, file: 'ffffffffffffffffffffffff' }))).status).toBe(404);
  const foreign = await get(webHost.origin, q({ token: webHost.token, profile, file: uploaded.fileId! }), 'evil.example:80');
  expect(foreign.status).toBe(403);
  const ok = await get(webHost.origin, q({ token: webHost.token, profile, file: uploaded.fileId! }));
  expect(ok.status).toBe(200);
});
