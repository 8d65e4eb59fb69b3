import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { FileMetadataView } from '../../../shared/domain/purge';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { MetadataView } from '../../src/features/metadata-tools/MetadataView';
import { createInMemoryHost } from '../support/in-memory-host';
import { ENDPOINT } from './purge-host';

// findBy* waits 1 s by default: too short on a loaded CI machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
});

const photo: FileMetadataView = {
  source: '/trip/a.jpg',
  width: 480,
  height: 320,
  format: 'jpg',
  size: 12345,
  quality: 85,
  density: 72,
  hasColorProfile: false,
  hasTransparency: false,
  pHash: 'c3a1f0e0d0c0b0a0',
  exif: { image: { Make: 'Camera Co', Model: 'X1' }, gps: { GPSLatitudeRef: 'N' } },
  duration: null,
  bitRate: null,
  videoCodec: null,
  audioCodec: null,
};

/** What the Metadata API answers for a 4 s H.264 clip (the Local library probes it with ffprobe). */
const clip: FileMetadataView = {
  ...photo,
  source: '/trip/clip.mp4',
  width: 640,
  height: 360,
  format: 'mp4',
  quality: null,
  density: null,
  hasColorProfile: null,
  hasTransparency: null,
  pHash: null,
  exif: {},
  duration: 4.04,
  bitRate: 412_345,
  videoCodec: 'h264',
  audioCodec: null,
};

/** The metadata channels behind the real contract router, answering from fixed data. */
function setup() {
  const base = createInMemoryHost();
  const calls: Array<{ channel: string; input: unknown }> = [];
  const handlers: Partial<Handlers> = {
    'purge.fileMetadata': ({ filePath }) => {
      if (filePath === '/trip/clip.mp4') return clip;
      if (filePath !== '/trip/a.jpg') throw new AppError('NOT_FOUND', `There is no file at ${filePath} in this library.`);
      return photo;
    },
    'purge.urlMetadata': ({ url }) => ({ ...photo, source: url, width: 100, height: 67, format: 'webp', exif: {} }),
    'purge.findSimilar': ({ referencePath, folderPath }) => ({
      reference: { fileId: 'f1', filePath: referencePath, pHash: photo.pHash! },
      folderPath,
      ranked: [
        { fileId: 'f2', name: 'a-small.jpg', filePath: '/trip/a-small.jpg', url: `${ENDPOINT}/trip/a-small.jpg`, thumbnail: null, pHash: photo.pHash!, distance: 2 },
        { fileId: 'f3', name: 'city.jpg', filePath: '/trip/city.jpg', url: `${ENDPOINT}/trip/city.jpg`, thumbnail: null, pHash: '0000000000000000', distance: 31 },
      ],
      skipped: [{ filePath: '/trip/notes.txt', reason: 'Not an image.' }],
    }),
  };
  const router = createRouter(handlers as Handlers, { validateOutput: true, log: (m) => base.problems.push(m) });
  const bridge: ApiBridge = {
    async invoke(channel, input) {
      if (!channel.startsWith('purge.')) return base.bridge.invoke(channel, input);
      calls.push({ channel, input });
      return structuredClone(await router.dispatch(channel, input, { transport: 'test' }));
    },
    on: base.bridge.on,
  };
  setBridgeForTests(bridge);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MetadataView />
    </QueryClientProvider>,
  );
  return { base, calls, user: userEvent.setup() };
}

// Generous timeout: typing into three forms is slow in jsdom on a loaded machine.
describe('metadata tools', { timeout: 20_000 }, () => {
  it('shows a file’s full metadata with its EXIF groups, and names a missing path', async () => {
    const { user, calls, base } = setup();
    const region = screen.getByRole('region', { name: 'Metadata tools' });
    const form = within(region).getByRole('form', { name: 'File metadata' });
    await user.type(within(form).getByLabelText('File path'), '/trip/a.jpg');
    await user.click(within(form).getByRole('button', { name: 'Show metadata' }));
    const table = await within(region).findByRole('table', { name: 'Metadata of /trip/a.jpg' });
    const cell = (name: string) => within(table).getByRole('rowheader', { name }).nextElementSibling?.textContent;
    expect(cell('Dimensions')).toBe('480 × 320');
    expect(cell('Quality')).toBe('85');
    expect(cell('Density')).toBe('72 DPI');
    expect(cell('Colour profile')).toBe('No');
    expect(cell('pHash')).toBe('c3a1f0e0d0c0b0a0');
    expect(within(region).getByText('EXIF: image')).toBeInTheDocument();
    expect(within(region).getByRole('table', { name: 'EXIF gps', hidden: true })).toHaveTextContent('GPSLatitudeRefN');
    expect(calls.at(-1)).toEqual({ channel: 'purge.fileMetadata', input: { profileId: 'local', filePath: '/trip/a.jpg' } });

    await user.clear(within(form).getByLabelText('File path'));
    await user.type(within(form).getByLabelText('File path'), '/trip/none.jpg');
    await user.click(within(form).getByRole('button', { name: 'Show metadata' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent('There is no file at /trip/none.jpg in this library.');
    expect(base.problems).toEqual([]);
  });

  it('shows a video’s duration, bit rate and codecs in words instead of the image-only rows', async () => {
    const { user } = setup();
    const form = screen.getByRole('form', { name: 'File metadata' });
    await user.type(within(form).getByLabelText('File path'), '/trip/clip.mp4');
    await user.click(within(form).getByRole('button', { name: 'Show metadata' }));
    const table = await screen.findByRole('table', { name: 'Metadata of /trip/clip.mp4' });
    const cell = (name: string) => within(table).getByRole('rowheader', { name }).nextElementSibling?.textContent;
    expect(cell('Dimensions')).toBe('640 × 360');
    expect(cell('Duration')).toBe('0:04 (4.04 s)');
    expect(cell('Bit rate')).toBe(`412 kbps (${(412_345).toLocaleString()} bit/s)`);
    expect(cell('Video codec')).toBe('H.264 (AVC) (h264)');
    expect(cell('Audio codec')).toBe('None (silent)');
    expect(within(table).queryByRole('rowheader', { name: 'pHash' })).toBeNull();
    expect(within(table).queryByRole('rowheader', { name: 'Density' })).toBeNull();
  });

  it('looks up a URL', async () => {
    const { user } = setup();
    const form = screen.getByRole('form', { name: 'Look up a URL' });
    await user.type(within(form).getByLabelText('Delivery URL'), `${ENDPOINT}/tr:w-100/trip/a.jpg`);
    await user.click(within(form).getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'Metadata of the URL' });
    expect(within(table).getByRole('rowheader', { name: 'Format' }).nextElementSibling).toHaveTextContent('webp');
    expect(screen.getByText('No EXIF data.')).toBeInTheDocument();
  });

  it('ranks a folder by similarity, filling the folder from the reference', async () => {
    const { user, calls } = setup();
    const form = screen.getByRole('form', { name: 'Find similar images' });
    await user.type(within(form).getByLabelText('Reference image'), '/trip/a.jpg');
    expect(within(form).getByLabelText('Folder')).toHaveValue('/trip');
    await user.click(within(form).getByRole('button', { name: 'Find similar' }));
    const ranked = await screen.findByRole('list', { name: 'Ranked by similarity' });
    expect(within(ranked).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['a-small.jpg, distance 2', 'city.jpg, distance 31']);
    expect(screen.getByText(/Skipped 1: \/trip\/notes\.txt \(Not an image\.\)/)).toBeInTheDocument();
    expect(calls.at(-1)?.input).toEqual({ profileId: 'local', referencePath: '/trip/a.jpg', folderPath: '/trip' });
  });
});
