import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ImageKit from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/result';
import { startEmulator } from '../../../emulator/src/index';
import { firstPixel, putSwatch, startPurgeHarness, waitFor, type PurgeHarness } from './harness';

let h: PurgeHarness;
beforeAll(async () => {
  h = await startPurgeHarness();
});
afterEach(() => h?.closeServices());
afterAll(async () => {
  await h?.close();
});

const urlsUnder = (folder: string, n: number) => Array.from({ length: n }, (_, i) => `${h.emulator.urlEndpoint}/${folder}/file-${i}.jpg`);
const allCompleted = (views: { state: string }[]) => views.every((v) => v.state === 'completed');

describe('purge centre on the Local library', () => {
  it('sends 150 URLs as two requests (100 + 50), polls them to completed and counts them against the quota', async () => {
    const service = h.service();
    const requests = await service.submit('local', urlsUnder('batch', 150));
    expect(requests.map((r) => r.urls.length)).toEqual([100, 50]);
    expect(requests.flatMap((r) => r.urls).every((u) => u.state === 'pending' && /^[0-9a-f]{24}$/.test(u.imagekitRequestId ?? ''))).toBe(true);

    const done = await waitFor(() => {
      const history = service.requests('local');
      return history.length === 2 && allCompleted(history) ? history : undefined;
    });
    expect(done.every((r) => r.completedAt !== null)).toBe(true);
    expect(h.requestEvents.filter((e) => e.state === 'completed').map((e) => e.urls.length).sort()).toEqual([100, 50].sort());
    expect(service.quota('local')).toMatchObject({ monthlyQuota: 1000, used: 150, remaining: 850 });
  });

  it('keeps the history on disk: a restarted service lists the same requests', async () => {
    const before = h.service().requests('local');
    const reopened = h.service().requests('local');
    expect(reopened.map((r) => [r.id, r.state, r.urls.length])).toEqual(before.map((r) => [r.id, r.state, r.urls.length]));
    expect(reopened.length).toBeGreaterThanOrEqual(2);
    // Per profile: another profile has its own (empty) history and quota.
    expect(h.service().requests('second')).toEqual([]);
    expect(h.service().quota('second').used).toBe(0);
  });

  it('refuses the whole list when any URL breaks the rules, with each reason, and sends nothing', async () => {
    const service = h.service();
    const usedBefore = service.quota('local').used;
    const bad = [`${h.emulator.urlEndpoint}/ok/a.jpg`, `${h.emulator.urlEndpoint}/x*`, 'https://elsewhere.example/a.jpg'];
    const error = await service.submit('local', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    expect((error as AppError).message).toMatch(/^2 URLs were refused, nothing was sent: .*\/x\* — A wildcard \(\*\) needs .*elsewhere\.example\/a\.jpg — The URL is not under/);
    expect(service.quota('local').used).toBe(usedBefore);
  });

  it('refuses a list larger than what remains of the monthly quota, and accepts it after the quota is raised', async () => {
    const service = h.service();
    const { used } = service.quota('local');
    await service.updateSettings('local', { monthlyQuota: used + 2 });
    const error = await service.submit('local', urlsUnder('quota', 3)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/would purge 3 URLs, but only 2 of this month's \d+ remain/) });
    await service.updateSettings('local', { monthlyQuota: 1000 });
    expect((await service.submit('local', urlsUnder('quota', 3)))[0].urls).toHaveLength(3);
  });

  // The next two tests leave requests pending on purpose, so each uses a profile of its own: any service
  // still polling "local" would settle them against the original library before the test looks.
  it('resumes polling requests left pending by an earlier run', async () => {
    const slow = h.service({ pollDelaysMs: [60_000] });
    const [request] = await slow.submit('resume', urlsUnder('resume', 2));
    slow.close(); // the app quit before the first status check
    expect(h.service({ pollDelaysMs: [60_000] }).requests('resume').find((r) => r.id === request.id)?.state).toBe('pending');
    const resumed = h.service();
    resumed.storeFor('resume');
    await waitFor(() => resumed.requests('resume').find((r) => r.id === request.id)?.state === 'completed');
  });
  it('marks URLs failed with ImageKit’s words when ImageKit no longer knows their request id', async () => {
    const slow = h.service({ pollDelaysMs: [60_000] });
    const [request] = await slow.submit('reset', urlsUnder('forgotten', 1));
    slow.close();
    // The library was reset behind MediaDesk's back: a fresh backend that never saw these requests.
    const fresh = await startEmulator({ port: 0, dataDir: `${h.dataDir}-fresh`, quiet: true, privateKey: h.emulator.privateKey, publicKey: 'p' });
    try {
      const freshSdk = new ImageKit({ privateKey: fresh.privateKey, baseURL: fresh.apiUrl, maxRetries: 0 });
      const service = h.service({ sessions: { idOf: () => 'reset', resolve: async () => ({ client: freshSdk, connection: { urlEndpoint: fresh.urlEndpoint } }) } });
      service.storeFor('reset');
      const failed = await waitFor(() => {
        const view = service.requests('reset').find((r) => r.id === request.id);
        return view?.state === 'failed' ? view : undefined;
      });
      expect(failed.urls[0]).toMatchObject({ state: 'failed', error: 'No request found for this requestId.' });
    } finally {
      await fresh.close();
    }
  });
});

describe('purge suggestions', () => {
  it('notices an overwrite made outside the app, suggests the file and its variants in use, and the purge makes the variant serve the new picture', async () => {
    const service = h.service();
    const { checkForChanges } = await import('../../services/purge/change-scanner');
    await service.updateSettings('local', { transformationsInUse: ['w-8'] });
    await checkForChanges(service, h.sdk, 'local', new Date()); // the first check sets the starting point

    await putSwatch(h.sdk, '/overwrite', 'swatch.png', '#ff0000');
    const variant = `${h.emulator.urlEndpoint}/tr:w-8/overwrite/swatch.png`;
    expect(await firstPixel(variant)).toEqual([255, 0, 0]);
    const second = await checkForChanges(service, h.sdk, 'local', new Date());
    expect(second.suggested).toEqual([]); // a new upload has nothing stale cached

    await putSwatch(h.sdk, '/overwrite', 'swatch.png', '#0000ff');
    expect(await firstPixel(variant)).toEqual([255, 0, 0]); // the CDN still serves the old picture

    const { suggested } = await checkForChanges(service, h.sdk, 'local', new Date());
    expect(suggested).toHaveLength(1);
    expect(suggested[0]).toMatchObject({ reason: 'overwrite', filePath: '/overwrite/swatch.png', state: 'open', urls: [`${h.emulator.urlEndpoint}/overwrite/swatch.png`, variant] });
    expect(h.suggestionEvents.at(-1)?.id).toBe(suggested[0].id);
    expect((await checkForChanges(service, h.sdk, 'local', new Date())).suggested).toEqual([]); // reported once

    const [request] = await service.submit('local', suggested[0].urls, suggested[0].id);
    await waitFor(() => service.requests('local').find((r) => r.id === request.id)?.state === 'completed');
    expect(await firstPixel(variant)).toEqual([0, 0, 255]);
    expect(service.suggestions('local').map((s) => s.id)).not.toContain(suggested[0].id);
  });

  it('records suggestions other features make, reusing an identical open one, and can dismiss them', async () => {
    const service = h.service();
    await service.updateSettings('local', { transformationsInUse: [] });
    const fileUrl = `${h.emulator.urlEndpoint}/renamed/old.jpg?updatedAt=1`;
    const first = await service.suggest({ profileId: 'local', fileUrls: [fileUrl], reason: 'rename', filePath: '/renamed/old.jpg' });
    expect(first.urls).toEqual([`${h.emulator.urlEndpoint}/renamed/old.jpg`]);
    expect((await service.suggest({ profileId: 'local', fileUrls: [fileUrl], reason: 'rename' })).id).toBe(first.id);
    service.dismissSuggestion('local', first.id);
    expect(service.suggestions('local').map((s) => s.id)).not.toContain(first.id);
    expect(() => service.dismissSuggestion('local', 'nope')).toThrow(/no longer exists/);
  });
});
