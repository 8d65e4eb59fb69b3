import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { UploadsOverlay } from '../../src/features/uploads/UploadsOverlay';
import { useUploadsUi } from '../../src/features/uploads/uploads-store';
import { createUploadsHost, item } from './uploads-host';
import { UploadOptions } from '../../../shared/domain/uploads';

function renderOverlay(host: ReturnType<typeof createUploadsHost>) {
  setBridgeForTests(host.bridge);
  useUploadsUi.setState({ pending: null, urlDialogOpen: false, expanded: true });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <div id="root">
        <UploadsOverlay />
      </div>
    </QueryClientProvider>,
  );
  return user;
}

let host: ReturnType<typeof createUploadsHost>;
afterEach(() => {
  cleanup();
  expect(host.problems).toEqual([]);
  setBridgeForTests(undefined);
});

describe('the Uploads region', () => {
  beforeEach(() => {
    host = createUploadsHost([
      item(1, 'exists.jpg', { state: 'conflict' }),
      item(2, 'broken.png', { state: 'failed', attempts: 3, errorMessage: 'Your request contains invalid file parameter.', errorHelp: 'Check the file and retry.' }),
      item(3, 'moving.bin', { state: 'uploading', size: 1000 }),
    ]);
  });

  it('shows every file with its state, progress, retries and final error in plain words', async () => {
    renderOverlay(host);
    const region = await screen.findByRole('region', { name: 'Uploads' });
    expect(await within(region).findByRole('listitem', { name: 'exists.jpg: Already exists' })).toBeTruthy();
    const failed = within(region).getByRole('listitem', { name: 'broken.png: Failed' });
    expect(within(failed).getByRole('alert').textContent).toContain('Your request contains invalid file parameter.Check the file and retry.');
    expect(failed.textContent).toContain('Attempt 3');
    act(() => host.emit('uploads.progress', { profileId: 'local', progress: [{ itemId: 3, batchId: 1, bytesSent: 500, totalBytes: 1000, bytesPerSecond: 250, etaSeconds: 2 }] }));
    const moving = within(region).getByRole('listitem', { name: 'moving.bin: Uploading' });
    await waitFor(() => expect(within(moving).getByRole('progressbar', { name: 'Progress of moving.bin' }).getAttribute('value')).toBe('500'));
    expect(moving.textContent).toContain('500 B of 1000 B · 250 B/s · 2 s left');
    expect(within(region).getByRole('status', { name: 'Upload totals' }).textContent).toContain('10 B of 100 B');
  });

  it('sends the conflict choice per file and for all, and retries, pauses and cancels by item', async () => {
    const user = renderOverlay(host);
    const region = await screen.findByRole('region', { name: 'Uploads' });
    await user.click(await within(region).findByRole('button', { name: 'Keep both exists.jpg' }));
    await user.click(within(region).getByRole('button', { name: 'Skip all' }));
    await user.click(within(region).getByRole('button', { name: 'Retry broken.png' }));
    await user.click(within(region).getByRole('button', { name: 'Pause moving.bin' }));
    await user.click(within(region).getByRole('button', { name: 'Cancel moving.bin' }));
    await waitFor(() => expect(host.callsTo('uploads.cancel')).toHaveLength(1));
    expect(host.callsTo('uploads.resolveConflict')).toEqual([
      { profileId: 'local', itemId: 1, choice: 'keepBoth' },
      { profileId: 'local', choice: 'skip' },
    ]);
    expect(host.callsTo('uploads.retry')).toEqual([{ profileId: 'local', itemId: 2 }]);
    expect(host.callsTo('uploads.pause')).toEqual([{ profileId: 'local', itemId: 3 }]);
  });

  it('updates a row from a push and announces the end of a batch', async () => {
    renderOverlay(host);
    const region = await screen.findByRole('region', { name: 'Uploads' });
    await within(region).findByRole('listitem', { name: 'moving.bin: Uploading' });
    act(() => host.emit('uploads.item', { profileId: 'local', item: item(3, 'moving.bin', { state: 'done', size: 1000 }) }));
    expect(await within(region).findByRole('listitem', { name: 'moving.bin: Uploaded' })).toBeTruthy();
    act(() =>
      host.emit('uploads.batchDone', {
        profileId: 'local',
        summary: { batchId: 1, counts: { pending: 0, conflict: 0, queued: 0, uploading: 0, paused: 0, done: 2, skipped: 1, failed: 1, cancelled: 0 }, folders: ['/f'] },
      }),
    );
    expect((await screen.findByRole('status', { name: 'Upload notifications' })).textContent).toContain('Upload finished: 2 uploaded, 1 failed, 1 skipped.');
  });
});

describe('the options dialog', () => {
  beforeEach(() => {
    host = createUploadsHost([], [{ id: 'f1', name: 'rating', label: 'Rating', schema: { type: 'Number', minValue: 1, maxValue: 5 } }]);
  });

  it('starts from the profile defaults, refuses bad custom metadata before sending, then queues at once and sends the bytes after', async () => {
    const user = renderOverlay(host);
    act(() =>
      useUploadsUi.getState().propose({
        kind: 'files',
        files: [
          { file: new File(['hello'], 'a.txt'), relativePath: 'a.txt' },
          { file: new File(['inner'], 'b.txt'), relativePath: 'album/b.txt' },
        ],
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Upload 2 files (10 B)' });
    const tags = within(dialog).getByRole('textbox', { name: 'Tags' });
    await waitFor(() => expect((tags as HTMLInputElement).value).toBe('default-tag'));
    await user.clear(tags);
    await user.type(tags, 'one, two');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Private files' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Rating' }), '9');
    expect(within(dialog).getByText('Rating should be less than or equal to 5')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Custom metadata: Rating should be less than or equal to 5');
    expect(host.callsTo('uploads.add')).toEqual([]);

    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Rating' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Rating' }), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    // Queued first, with nothing read: every file waits for its own bytes on the main side.
    expect(host.callsTo('uploads.add')[0]).toMatchObject({
      profileId: 'local',
      targetFolder: '/',
      sources: [
        { kind: 'incoming', relativePath: 'a.txt', size: 5 },
        { kind: 'incoming', relativePath: 'album/b.txt', size: 5 },
      ],
      options: { tags: ['one', 'two'], isPrivateFile: true, customMetadata: { rating: 4 }, onConflict: 'ask' },
    });
    expect(host.calls.findIndex((c) => c.channel === 'uploads.add')).toBeLessThan(host.calls.findIndex((c) => c.channel === 'uploads.stage.chunk'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Then the bytes follow, to the staged ids the queue named (no web token here: the IPC path).
    await waitFor(() => expect(host.callsTo('uploads.stage.end')).toHaveLength(2));
    expect(host.callsTo('uploads.stage.begin')).toEqual([]);
    expect(Object.fromEntries(host.staged)).toEqual({ 'group0000001/a.txt': 5, 'group0000001/album/b.txt': 5 });
  });
});

describe('look-alikes (near-duplicate check)', () => {
  it('queue the batch at once; a held image says what it looks like and offers upload anyway or skip', async () => {
    host = createUploadsHost(
      [
        item(7, 'same.jpg', { state: 'conflict', lookalike: { fileId: 'f1', name: 'orig.jpg', filePath: '/orig.jpg', thumbnail: null, distance: 2 } }),
        item(8, 'new.jpg', { state: 'uploading' }),
      ],
      [],
      { 'uploads.defaults.get': () => UploadOptions.parse({ nearDuplicateCheck: true }) },
    );
    const user = renderOverlay(host);
    const row = await screen.findByRole('listitem', { name: 'same.jpg: Looks like a library image' });
    expect(row.textContent).toContain('Looks like /orig.jpg (2 of 64 bits differ)');
    expect(screen.getByRole('group', { name: 'Every file that already exists' }).textContent).toContain('same.jpg looks like /orig.jpg.');
    await user.click(within(row).getByRole('button', { name: 'Upload same.jpg anyway' }));
    await user.click(within(row).getByRole('button', { name: 'Skip same.jpg' }));
    expect(host.callsTo('uploads.resolveConflict')).toEqual([
      { profileId: 'local', itemId: 7, choice: 'keepBoth' },
      { profileId: 'local', itemId: 7, choice: 'skip' },
    ]);

    act(() => useUploadsUi.getState().propose({ kind: 'files', files: [{ file: new File(['x'], 'same.jpg'), relativePath: 'album/same.jpg' }] }));
    const dialog = await screen.findByRole('dialog', { name: /Upload 1 file/ });
    await waitFor(() => expect((within(dialog).getByRole('checkbox', { name: 'Check images for look-alikes in the folder first' }) as HTMLInputElement).checked).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    expect(host.callsTo('uploads.add')[0]).toMatchObject({ options: { nearDuplicateCheck: true }, sources: [{ kind: 'incoming', relativePath: 'album/same.jpg', size: 1 }] });
    expect(host.callsTo('uploads.nearDuplicates')).toEqual([]);
  });
});

describe('a long queue', () => {
  it('renders a bounded number of rows for 10,000 files, each saying its place in the list', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item(i + 1, `file-${i}.bin`, { state: 'receiving' }));
    host = createUploadsHost(many);
    renderOverlay(host);
    const list = await screen.findByRole('list', { name: 'Upload queue' });
    await within(list).findByRole('listitem', { name: 'file-0.bin: Reading' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    // jsdom lays nothing out (each row measures 0 px, so the assumed 320 px viewport fits ~80 gaps): the bound
    // is what matters here; real row counts and frame times in Chromium are in bench/upload-lists.ts.
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    // One tab stop for the whole list; a row still arriving can be cancelled, not paused.
    expect(rows.filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect(within(rows[0]!).getByRole('button', { name: 'Cancel file-0.bin' })).toBeTruthy();
    expect(within(rows[0]!).queryByRole('button', { name: 'Pause file-0.bin' })).toBeNull();
  });
});
