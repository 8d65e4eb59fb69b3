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

  it('starts from the profile defaults, refuses bad custom metadata before sending, then stages in chunks and queues', async () => {
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
    expect(host.callsTo('uploads.stage.begin')).toEqual([]);

    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Rating' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Rating' }), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    expect(host.callsTo('uploads.stage.begin')).toEqual([
      { profileId: 'local', relativePath: 'a.txt', size: 5, groupId: undefined },
      { profileId: 'local', relativePath: 'album/b.txt', size: 5, groupId: 'group0000001' },
    ]);
    expect([...host.staged.values()]).toEqual([5, 5]);
    expect(host.callsTo('uploads.add')[0]).toMatchObject({
      profileId: 'local',
      targetFolder: '/',
      sources: [
        { kind: 'staged', stagedId: 'group0000001/a.txt' },
        { kind: 'staged', stagedId: 'group0000001/album' },
      ],
      options: { tags: ['one', 'two'], isPrivateFile: true, customMetadata: { rating: 4 }, onConflict: 'ask' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the near-duplicate choice', () => {
  it('lists look-alikes as a choice and leaves out only the files the person picks', async () => {
    host = createUploadsHost([], [], {
      'uploads.defaults.get': () => UploadOptions.parse({ nearDuplicateCheck: true }),
      'uploads.nearDuplicates': () => [
        { source: 'group0000001/album/same.jpg', name: 'same.jpg', distance: 2, match: { fileId: 'f1', name: 'orig.jpg', filePath: '/orig.jpg', thumbnail: null } },
      ],
    });
    const user = renderOverlay(host);
    act(() =>
      useUploadsUi.getState().propose({
        kind: 'files',
        files: [
          { file: new File(['x'], 'same.jpg'), relativePath: 'album/same.jpg' },
          { file: new File(['y'], 'new.jpg'), relativePath: 'album/new.jpg' },
        ],
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: /Upload 2 files/ });
    await waitFor(() => expect((within(dialog).getByRole('checkbox', { name: 'Check images for look-alikes in the folder first' }) as HTMLInputElement).checked).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const choice = await screen.findByRole('dialog', { name: 'Possible duplicates' });
    expect(choice.textContent).toContain('same.jpg looks like /orig.jpg (2 of 64 bits differ)');
    expect(host.callsTo('uploads.add')).toEqual([]); // never skipped or sent silently
    await user.click(within(choice).getByRole('checkbox', { name: 'Leave out same.jpg' }));
    await user.click(within(choice).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    expect(host.callsTo('uploads.stage.discard')).toEqual([{ profileId: 'local', id: 'group0000001/album/same.jpg' }]);
    expect(host.callsTo('uploads.add')[0]).toMatchObject({ sources: [{ kind: 'staged', stagedId: 'group0000001/album' }] });
  });
});
