import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../src/app/query-client';
import { diskSources, type WindowFile } from '../../src/api/uploads';
import { setBridgeForTests } from '../../src/api/transport';
import { UploadsOverlay } from '../../src/features/uploads/UploadsOverlay';
import { useUploadsUi } from '../../src/features/uploads/uploads-store';
import { UploadOptions } from '../../../shared/domain/uploads';
import { createUploadsHost } from './uploads-host';

/** Files as Electron hands them over: each with its place on disk (what webUtils.getPathForFile answers). */
function onDisk(entries: [relativePath: string, diskPath: string][]) {
  const where = new Map<object, string>();
  const files: WindowFile[] = entries.map(([relativePath, diskPath]) => {
    const file = new File(['bytes'], relativePath.split('/').pop()!);
    if (diskPath) where.set(file, diskPath);
    return { file, relativePath };
  });
  return { files, pathForFile: (file: object) => where.get(file) ?? '' };
}

describe('choosing between paths on disk and staged bytes', () => {
  it('gives one path per dropped file and per top-level folder, so folders keep their structure', () => {
    const { files, pathForFile } = onDisk([
      ['a.jpg', '/home/me/Desktop/a.jpg'],
      ['album/b.jpg', '/home/me/Pictures/album/b.jpg'],
      ['album/2024/c.jpg', '/home/me/Pictures/album/2024/c.jpg'],
      ['other/d.jpg', '/mnt/x/other/d.jpg'],
    ]);
    expect(diskSources(files, pathForFile)).toEqual([
      { kind: 'path', path: '/home/me/Desktop/a.jpg' },
      { kind: 'path', path: '/home/me/Pictures/album' },
      { kind: 'path', path: '/mnt/x/other' },
    ]);
  });

  it('understands Windows paths', () => {
    const { files, pathForFile } = onDisk([['album/2024/c.jpg', 'C:\\Users\\me\\album\\2024\\c.jpg']]);
    expect(diskSources(files, pathForFile)).toEqual([{ kind: 'path', path: 'C:\\Users\\me\\album' }]);
  });

  it('sends bytes when any file has no path or was renamed on the way in; a folder stays on disk even with the near-duplicate check', () => {
    const pasted = onDisk([['a.jpg', '/d/a.jpg'], ['pasted-20260101-000000.png', '']]);
    expect(diskSources(pasted.files, pasted.pathForFile)).toBeNull();
    const renamed = onDisk([['pasted-20260101-000000.png', '/tmp/image.png']]);
    expect(diskSources(renamed.files, renamed.pathForFile)).toBeNull();
    const folder = onDisk([['album/b.jpg', '/p/album/b.jpg']]);
    expect(diskSources(folder.files, folder.pathForFile)).toEqual([{ kind: 'path', path: '/p/album' }]);
  });

  it('stages in the web host, whose bridge has no pathForFile', () => {
    const host = createUploadsHost([]);
    setBridgeForTests(host.bridge);
    const { files } = onDisk([['a.jpg', '/d/a.jpg']]);
    expect(diskSources(files)).toBeNull();
    setBridgeForTests(undefined);
  });
});

describe('the Upload dialog in the Electron app', () => {
  afterEach(() => {
    cleanup();
    setBridgeForTests(undefined);
  });

  async function upload(defaults: UploadOptions, entries: [string, string][]) {
    const host = createUploadsHost([], [], { 'uploads.defaults.get': () => defaults });
    const { files, pathForFile } = onDisk(entries);
    setBridgeForTests({ ...host.bridge, pathForFile });
    useUploadsUi.setState({ pending: null, urlDialogOpen: false, expanded: true });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <div id="root">
          <UploadsOverlay />
        </div>
      </QueryClientProvider>,
    );
    act(() => useUploadsUi.getState().propose({ kind: 'files', files }));
    const dialog = await screen.findByRole('dialog', { name: /^Upload \d+ files?/ });
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Folder' }) as HTMLInputElement).value).toBe('/'));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    return { host, user };
  }

  it('queues the dropped files and folders by path, sending no bytes through the window', async () => {
    const { host } = await upload(UploadOptions.parse({}), [
      ['a.jpg', '/home/me/a.jpg'],
      ['album/b.jpg', '/home/me/album/b.jpg'],
    ]);
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    expect(host.callsTo('uploads.stage.begin')).toEqual([]);
    expect(host.callsTo('uploads.add')[0]).toMatchObject({
      sources: [
        { kind: 'path', path: '/home/me/a.jpg' },
        { kind: 'path', path: '/home/me/album' },
      ],
    });
    expect(host.problems).toEqual([]);
  });

  it('queues files read in place with the near-duplicate check on: the queue holds look-alikes itself', async () => {
    const { host } = await upload(UploadOptions.parse({ nearDuplicateCheck: true }), [['same.jpg', '/d/same.jpg'], ['album/new.jpg', '/d/album/new.jpg']]);
    await waitFor(() => expect(host.callsTo('uploads.add')).toHaveLength(1));
    expect(host.callsTo('uploads.nearDuplicates')).toEqual([]);
    expect(host.callsTo('uploads.stage.chunk')).toEqual([]);
    expect(host.callsTo('uploads.add')[0]).toMatchObject({
      options: { nearDuplicateCheck: true },
      sources: [
        { kind: 'path', path: '/d/same.jpg' },
        { kind: 'path', path: '/d/album' },
      ],
    });
    expect(host.problems).toEqual([]);
  });
});
