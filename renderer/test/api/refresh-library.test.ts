import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryKeys, refreshLibrary } from '../../src/api/library';

const ghostRows = { pages: [{ items: [{ fileId: 'old-cover', name: 'cover.png' }] }], pageParams: [0] };

describe('refreshLibrary (after a change to the library)', () => {
  let client: QueryClient;
  afterEach(() => client.clear());

  it('drops listings off screen, so a folder opened again never shows the files it had before the change', async () => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // /trip was listed, then left; it is deleted and restored (new file ids) while another folder is on screen.
    client.setQueryData(libraryKeys.files('p1', { folderPath: '/trip' }), ghostRows);
    client.setQueryData(libraryKeys.folders('p1', '/trip'), [{ name: 'day1' }]);
    client.setQueryData(libraryKeys.file('p1', 'old-cover'), { fileId: 'old-cover' });

    await refreshLibrary(client);

    expect(client.getQueryData(libraryKeys.files('p1', { folderPath: '/trip' }))).toBeUndefined();
    expect(client.getQueryData(libraryKeys.folders('p1', '/trip'))).toBeUndefined();
    expect(client.getQueryData(libraryKeys.file('p1', 'old-cover'))).toBeUndefined();
    // Opening /trip now waits for its listing instead of offering the old rows to click.
    const reopened = new QueryObserver(client, { queryKey: libraryKeys.files('p1', { folderPath: '/trip' }), queryFn: () => new Promise(() => undefined) });
    expect(reopened.getCurrentResult().data).toBeUndefined();
  });

  it('fetches again what is on screen and keeps it shown meanwhile', async () => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let calls = 0;
    const onScreen = new QueryObserver(client, {
      queryKey: libraryKeys.files('p1', { folderPath: '/' }),
      queryFn: async () => ({ listing: (calls += 1) }),
    });
    const unsubscribe = onScreen.subscribe(() => undefined);
    await expect.poll(() => onScreen.getCurrentResult().data).toEqual({ listing: 1 });

    const refreshed = refreshLibrary(client);
    // Still the current rows while the new ones are fetched: the grid on screen does not blank.
    expect(onScreen.getCurrentResult().data).toEqual({ listing: 1 });
    await refreshed;
    expect(onScreen.getCurrentResult().data).toEqual({ listing: 2 });
    unsubscribe();
  });

  it("keeps a folder job's status when asked (its own poll calls this), and the other profiles' cache goes too", async () => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(libraryKeys.job('p1', 'job-1'), { done: true });
    client.setQueryData(libraryKeys.files('p2', { folderPath: '/' }), ghostRows);
    client.setQueryData(['purge', 'p1'], { kept: true });

    await refreshLibrary(client, { keepJobs: true });

    expect(client.getQueryData(libraryKeys.job('p1', 'job-1'))).toEqual({ done: true });
    expect(client.getQueryData(libraryKeys.files('p2', { folderPath: '/' }))).toBeUndefined();
    // Only the library's queries: other areas keep their data.
    expect(client.getQueryData(['purge', 'p1'])).toEqual({ kept: true });
  });
});
