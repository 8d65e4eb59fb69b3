import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { startLibraryHarness, type LibraryHarness } from './harness';
import { createSignedUrlSigner, SIGNED_URL_GRID_S, SIGNED_URL_MIN_TTL_S, signedExpiry } from '../../services/library/signed-urls';
import { deliveryUrlOf } from '../../services/library/delivery-url';

let h: LibraryHarness;

beforeAll(async () => {
  h = await startLibraryHarness();
});
afterAll(async () => {
  expect(h.services.problems).toEqual([]);
  await h.close();
});

const THUMB = 'w-64,h-64,c-at_max';

describe('library.signedUrls: previews of private files', () => {
  it('signs a private file\'s thumbnail URL that the delivery endpoint serves, where the unsigned one is refused', async () => {
    await h.upload('/secret', 'p.png', { isPrivateFile: true, width: 200 });
    const [file] = (await h.data('library.list', { folderPath: '/secret' })).items;
    expect(file).toMatchObject({ isPrivateFile: true, filePath: '/secret/p.png' });

    const before = Math.floor(Date.now() / 1000);
    const signed = await h.data('library.signedUrls', { items: [{ filePath: file!.filePath, transformation: THUMB }] });
    const [item] = signed.items;
    expect(item).toMatchObject({ filePath: '/secret/p.png', transformation: THUMB });
    expect(item!.url).toMatch(/[?&]tr=w-64,h-64,c-at_max(&|$)/);
    expect(item!.url).toMatch(/[?&]ik-s=[0-9a-f]{40}$/);
    // Short-lived: between the minimum lifetime and one grid step more.
    const expiry = Number(/[?&]ik-t=(\d+)/.exec(item!.url)?.[1]);
    expect(expiry - before).toBeGreaterThanOrEqual(SIGNED_URL_MIN_TTL_S);
    expect(expiry - before).toBeLessThanOrEqual(SIGNED_URL_MIN_TTL_S + SIGNED_URL_GRID_S + 1);
    expect(new Date(signed.expiresAt).getTime()).toBe(expiry * 1000);

    const served = await fetch(item!.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\//);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.width).toBe(64);

    const unsigned = await fetch(`${file!.url}${file!.url.includes('?') ? '&' : '?'}tr=${THUMB}`);
    expect(unsigned.status).toBe(401);
    await unsigned.arrayBuffer();
  });

  it('answers in the order asked, signs a version and the original, and gives the same URL within a grid step', async () => {
    await h.upload('/order', 'a.png', { isPrivateFile: true });
    await h.upload('/order', 'b.png', { isPrivateFile: true, width: 80 });
    await h.upload('/order', 'b.png', { isPrivateFile: true, width: 90 }); // a second version of b.png
    const { client } = await h.services.sessions.resolve();
    const b = (await h.data('library.list', { folderPath: '/order', sort: 'ASC_NAME' })).items[1]!;
    const versions = await client.files.versions.list(b.fileId);
    const older = versions.find((v) => (v as { width?: number }).width === 80);
    expect(older?.versionInfo?.id).toBeTruthy();

    const items = [{ filePath: '/order/b.png' }, { filePath: '/order/a.png', transformation: THUMB }, { filePath: '/order/b.png', versionId: older!.versionInfo!.id! }];
    const first = await h.data('library.signedUrls', { items });
    expect(first.items.map((i) => i.filePath)).toEqual(['/order/b.png', '/order/a.png', '/order/b.png']);
    const widths = [];
    for (const { url } of first.items) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      widths.push((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width);
    }
    expect(widths).toEqual([90, 40, 80]);

    const again = await h.data('library.signedUrls', { items });
    // Same grid step (unless the test straddles a boundary, which the expiry shows).
    if (again.expiresAt === first.expiresAt) expect(again.items.map((i) => i.url)).toEqual(first.items.map((i) => i.url));
  });

  it('refuses input that would change what the URL means, with the field named', async () => {
    const query = await h.call('library.signedUrls', { items: [{ filePath: '/x.png?tr=w-10' }] });
    expect(query).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!query.ok && query.error.message).toMatch(/"\?" or "#"/);
    const tr = await h.call('library.signedUrls', { items: [{ filePath: '/x.png', transformation: 'w-10/../../y' }] });
    expect(tr).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!tr.ok && tr.error.message).toMatch(/transformation/);
    expect(await h.call('library.signedUrls', { items: [] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('never returns the private key', async () => {
    const { privateKey } = await h.services.profiles.connectionOf(h.services.profiles.activeId());
    const answer = await h.data('library.signedUrls', { items: [{ filePath: '/secret/p.png' }] });
    expect(JSON.stringify(answer)).not.toContain(privateKey);
  });

  it('writes delivery URLs as the file object does (each segment percent-encoded)', () => {
    expect(deliveryUrlOf('https://ik.imagekit.io/demo/', '/a b/c#1.png')).toBe('https://ik.imagekit.io/demo/a%20b/c%231.png');
  });

  it('puts expiries on a grid', () => {
    expect(signedExpiry(0)).toBe(3600);
    expect(signedExpiry(1)).toBe(3600 + SIGNED_URL_GRID_S);
    expect(signedExpiry(SIGNED_URL_GRID_S)).toBe(3600 + SIGNED_URL_GRID_S);
  });

  it('keeps every URL on the grid when a second ticks while the SDK signs', async () => {
    // The signer reads the clock for the grid and for expiresIn; the SDK reads it again after an await.
    // Here the second ticks between those reads for the first URL only.
    const start = 1_800_000_000_000 + 999;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const clockNow = Date.now.bind(Date);
    let reads = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      const t = clockNow();
      if (++reads === 2) vi.setSystemTime(start + 1000); // the SDK's own `new Date()` comes next
      return t;
    });
    try {
      const sign = createSignedUrlSigner();
      const session = { id: 'p', connection: { urlEndpoint: 'https://ik.imagekit.io/demo', privateKey: 'private_test' } } as Parameters<typeof sign>[0];
      const signed = await sign(session, [{ filePath: '/a.png' }, { filePath: '/b.png', transformation: THUMB }]);
      const expiry = new Date(signed.expiresAt).getTime() / 1000;
      expect(expiry).toBe(signedExpiry(Math.floor(start / 1000)));
      expect(signed.items.map((i) => new URL(i.url).searchParams.get('ik-t'))).toEqual([String(expiry), String(expiry)]);
    } finally {
      now.mockRestore();
      vi.useRealTimers();
    }
  });
});

describe('purge suggestion after a rename', () => {
  it('suggests purging the old URL when the rename did not purge, and not when it did', async () => {
    const old = await h.upload('/pr', 'old.png');
    const [listed] = (await h.data('library.list', { folderPath: '/pr' })).items;
    await h.data('library.rename', { filePath: old.filePath, newFileName: 'new.png', purgeCache: false });
    const oldUrl = listed!.url.replace(/\?.*$/, '');
    expect(oldUrl).toMatch(/\/pr\/old\.png$/);
    const suggested = h.events.filter((e) => e.name === 'purge.suggested').map((e) => e.payload as { reason: string; filePath: string | null; urls: string[] });
    expect(suggested).toEqual([expect.objectContaining({ reason: 'rename', filePath: '/pr/old.png', urls: expect.arrayContaining([oldUrl]) })]);
    // The same suggestion is listed by the purge area.
    const open = await h.data('purge.suggestions', {});
    expect(open.map((s) => s.filePath)).toContain('/pr/old.png');

    await h.upload('/pr', 'second.png');
    const purged = await h.data('library.rename', { filePath: '/pr/second.png', newFileName: 'third.png', purgeCache: true });
    expect(purged.purgeRequestId).toBeTruthy();
    expect(h.events.filter((e) => e.name === 'purge.suggested')).toHaveLength(1);
  });
});
