import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { FileTile, type ItemEvents } from '../../src/features/browser/FileCells';
import { DetailsPanel } from '../../src/features/browser/DetailsPanel';
import { PreviewDialog } from '../../src/features/browser/FileDialogs';
import { POSTER_SETTLE_MS } from '../../src/features/browser/PosterPicker';
import { useBrowserStore } from '../../src/ui/browser-store';
import type { FileSummary } from '../../../shared/domain/library';
import { createLibraryHost, summary, type LibraryHost } from './library-host';

// findBy* waits 1 s by default: too short on a loaded machine (details, then signing, then the player).
configure({ asyncUtilTimeout: 8_000 });

let host: LibraryHost;

/** A 4 s clip as the list answers it (fileType "non-image", as ImageKit reports videos), plus probed fields for Details. */
const video = (name: string, extra: Partial<FileSummary> = {}) => ({
  ...summary(name),
  fileType: 'non-image',
  mime: 'video/mp4',
  width: 640,
  height: 360,
  duration: 4.04,
  bitRate: 412_345,
  videoCodec: 'h264',
  audioCodec: 'aac',
  ...extra,
});
const files = [video('clip.mp4'), video('secret.mp4', { isPrivateFile: true }), { ...summary('photo.png'), versionNumber: 3 }];

const noEvents: ItemEvents = { click() {}, open() {}, dragStart() {}, copyUrl() {}, openInBuilder() {} };

function renderWithHost(ui: ReactNode) {
  setBridgeForTests(host.bridge);
  render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);
}

function Tiles() {
  return (
    <div role="grid" aria-label="Files">
      <div role="row">
        {files.map((f, i) => (
          <FileTile key={f.fileId} file={f} index={i} selected={false} focused={false} events={noEvents} thumb={140} quickActions />
        ))}
      </div>
    </div>
  );
}

const tileImage = (name: string) =>
  waitFor(() => {
    const img = within(screen.getByRole('gridcell', { name })).getByRole('presentation') as HTMLImageElement;
    expect(img.tagName).toBe('IMG');
    return img;
  });

const signedPaths = () =>
  host.calls.filter((c) => c.channel === 'library.signedUrls').flatMap((c) => (c.input as { items: { filePath: string; transformation?: string }[] }).items);

beforeEach(() => {
  useBrowserStore.setState({ profileId: null, folderPath: '/', search: null, selectedFiles: [] });
  host = createLibraryHost(files);
});
afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
  expect(host.problems).toEqual([]);
});

describe('videos in the library', { timeout: 30_000 }, () => {
  it('shows a video tile with its ik-thumbnail.jpg frame, a duration badge, and a private one signed', async () => {
    renderWithHost(<Tiles />);
    expect((await tileImage('clip.mp4')).getAttribute('src')).toMatch(/\/clip\.mp4\/ik-thumbnail\.jpg\?tr=w-\d+,h-\d+,c-at_max$/);
    expect((await tileImage('secret.mp4')).getAttribute('src')).toMatch(/\/secret\.mp4\/ik-thumbnail\.jpg\?tr=w-\d+,h-\d+,c-at_max&ik-t=9999&ik-s=signed$/);
    expect(signedPaths().map((i) => i.filePath)).toEqual(['/secret.mp4/ik-thumbnail.jpg']);
    const clip = screen.getByRole('gridcell', { name: 'clip.mp4' });
    expect(within(clip).getByText('0:04')).toHaveAttribute('datetime', 'PT4S');
    expect(within(clip).getByTitle('Video, 4 seconds')).toBeInTheDocument();
    // Images have no duration badge; a replaced file says which version it is at.
    const photo = screen.getByRole('gridcell', { name: 'photo.png' });
    expect(within(photo).queryByText(/\d:\d\d/)).toBeNull();
    expect(within(photo).getByText('v3')).toBeInTheDocument();
    expect(within(clip).queryByText(/^v\d/)).toBeNull();
  });

  it('plays a private video in Details through signed URLs, shows the probed fields, and picks a poster frame', async () => {
    useBrowserStore.setState({ selectedFiles: [files[1]!] });
    renderWithHost(<DetailsPanel />);
    const details = screen.getByRole('complementary', { name: 'Details' });
    const player = (await within(details).findByLabelText('Player for secret.mp4')) as HTMLVideoElement;
    expect(player.tagName).toBe('VIDEO');
    expect(player.controls).toBe(true);
    expect(player.getAttribute('src')).toMatch(/\/secret\.mp4\?tr=&ik-t=9999&ik-s=signed$/);
    await waitFor(() => expect(player.getAttribute('poster')).toMatch(/\/secret\.mp4\/ik-thumbnail\.jpg\?tr=w-\d+,h-\d+,c-at_max&ik-t=9999/));

    const fact = (term: string) => within(details).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Dimensions')).toBe('640 × 360');
    expect(fact('Duration')).toBe('0:04');
    expect(fact('Bit rate')).toBe('412 kbps');
    expect(fact('Video codec')).toBe('H.264 (AVC)');
    expect(fact('Audio codec')).toBe('AAC');

    const picker = within(details).getByRole('region', { name: 'Thumbnail frame' });
    const slider = within(picker).getByRole('slider', { name: /Thumbnail at/ });
    expect(slider).toHaveAttribute('max', '4'); // ImageKit refuses so- at or past the end (4.04 s)
    fireEvent.change(slider, { target: { value: '2' } });
    expect(slider).toHaveAttribute('aria-valuetext', '0:02.0');
    const frame = await within(picker).findByRole('img', { name: 'Thumbnail at 0:02.0' }, { timeout: POSTER_SETTLE_MS + 3000 });
    expect(frame.getAttribute('src')).toMatch(/\/secret\.mp4\/ik-thumbnail\.jpg\?tr=so-2,w-\d+,h-\d+,c-at_max&ik-t=9999/);
    await waitFor(() => expect(within(picker).getByLabelText('Thumbnail URL')).toHaveValue(`${files[1]!.url}/ik-thumbnail.jpg?tr=so-2&ik-t=9999&ik-s=signed`));
    await waitFor(() => expect(player.getAttribute('poster')).toMatch(/ik-thumbnail\.jpg\?tr=so-2,/));
    expect(signedPaths()).toContainEqual({ filePath: '/secret.mp4/ik-thumbnail.jpg', transformation: 'so-2' });
  });

  it('plays a video in the preview dialog instead of saying there is no preview', async () => {
    renderWithHost(<PreviewDialog file={files[1]!} />);
    const dialog = screen.getByRole('dialog', { name: 'secret.mp4' });
    const player = (await within(dialog).findByLabelText('Player for secret.mp4')) as HTMLVideoElement;
    expect(player.getAttribute('src')).toMatch(/\/secret\.mp4\?tr=&ik-t=9999&ik-s=signed$/);
    expect(within(dialog).queryByText('No preview for this file.')).toBeNull();
    expect(dialog).toHaveTextContent('640 × 360 · 0:04');
  });

  it('moves the slider in tenths within the clip and never past its end', async () => {
    useBrowserStore.setState({ selectedFiles: [files[0]!] });
    renderWithHost(<DetailsPanel />);
    const details = screen.getByRole('complementary', { name: 'Details' });
    const slider = await within(details).findByRole('slider', { name: /Thumbnail at/ });
    fireEvent.change(slider, { target: { value: '3.97' } });
    expect(slider).toHaveAttribute('aria-valuetext', '0:04.0');
    await waitFor(() => expect(within(details).getByLabelText('Thumbnail URL')).toHaveValue(`${files[0]!.url}/ik-thumbnail.jpg?tr=so-4`), { timeout: POSTER_SETTLE_MS + 3000 });
    // A 3.99 s clip: the last frame ImageKit serves is at 3.9 s.
    cleanup();
    host = createLibraryHost([{ ...files[0]!, duration: 3.99 }]);
    useBrowserStore.setState({ selectedFiles: [files[0]!] });
    renderWithHost(<DetailsPanel />);
    const short = await screen.findByRole('slider', { name: 'Thumbnail at' });
    expect(short).toHaveAttribute('max', '3.9');
  });
});
