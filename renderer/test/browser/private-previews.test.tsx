import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { Thumbnail } from '../../src/features/browser/Thumbnail';
import { DetailsPanel } from '../../src/features/browser/DetailsPanel';
import { PreviewDialog } from '../../src/features/browser/FileDialogs';
import { useBrowserStore } from '../../src/ui/browser-store';
import { createLibraryHost, summary, type LibraryHost } from './library-host';

// waitFor gives up after 1 s by default: a tile settles, then signs in a batch, which takes longer on a loaded CI machine.
configure({ asyncUtilTimeout: 5_000 });

let host: LibraryHost;

const privateFile = (name: string) => ({ ...summary(name), isPrivateFile: true });
const files = [privateFile('a.png'), privateFile('b.png'), privateFile('c.png'), summary('public.png')];

function renderWithHost(ui: ReactNode) {
  setBridgeForTests(host.bridge);
  render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);
}

/** Tiles as the grid lays them out: a labelled cell around each thumbnail (the grid's virtualizer needs real layout). */
function Tiles() {
  return (
    <div role="grid" aria-label="Files">
      {files.map((f) => (
        <div key={f.fileId} role="gridcell" aria-label={f.name}>
          <Thumbnail file={f} size={140} />
        </div>
      ))}
    </div>
  );
}

/** The thumbnail image inside a tile (decorative: alt=""), once it is there. */
function tileImage(name: string): Promise<HTMLImageElement> {
  return waitFor(() => {
    const img = within(screen.getByRole('gridcell', { name })).getByRole('presentation') as HTMLImageElement;
    expect(img.tagName).toBe('IMG');
    return img;
  });
}

const signCalls = () => host.calls.filter((c) => c.channel === 'library.signedUrls');

beforeEach(() => {
  useBrowserStore.setState({ profileId: null, folderPath: '/', search: null, selectedFiles: [] });
  host = createLibraryHost(files);
});
afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
  expect(host.problems).toEqual([]);
});

describe('private files in the browser', () => {
  it('shows private thumbnails through URLs signed by the main side, each asked for once', async () => {
    renderWithHost(<Tiles />);
    expect((await tileImage('a.png')).getAttribute('src')).toMatch(/\/a\.png\?tr=w-\d+,h-\d+,c-at_max&ik-t=9999&ik-s=signed$/);
    expect((await tileImage('b.png')).getAttribute('src')).toMatch(/\/b\.png\?.*ik-s=signed$/);
    expect((await tileImage('c.png')).getAttribute('src')).toMatch(/\/c\.png\?.*ik-s=signed$/);
    // The public file is not signed: its own URL with the thumbnail transformation.
    expect((await tileImage('public.png')).getAttribute('src')).toMatch(/\/public\.png\?tr=w-\d+,h-\d+,c-at_max$/);
    // Each private tile is asked for once and the public one never. How many calls carry them depends on
    // when the tiles settle (one call here on an idle machine); the batching window itself is checked
    // with fake timers in renderer/test/api/signed-url-batcher.test.ts.
    const asked = signCalls().flatMap((c) => (c.input as { items: { filePath: string }[] }).items.map((i) => i.filePath));
    expect(asked.sort()).toEqual(['/a.png', '/b.png', '/c.png']);
    expect(screen.queryByText('PRIVATE')).not.toBeInTheDocument();
  });

  it('previews a private file in the Details panel and the preview dialog with signed URLs', async () => {
    useBrowserStore.setState({ selectedFiles: [files[1]!] });
    renderWithHost(
      <>
        <DetailsPanel />
        <PreviewDialog file={files[1]!} />
      </>,
    );
    // The open preview dialog is modal: it hides the page behind it from assistive technology.
    const details = screen.getByRole('complementary', { name: 'Details', hidden: true });
    const preview = await within(details).findByRole('img', { name: 'Preview of b.png', hidden: true });
    expect(preview.getAttribute('src')).toMatch(/\/b\.png\?tr=w-\d+,h-\d+,c-at_max&ik-t=9999&ik-s=signed$/);
    const dialog = screen.getByRole('dialog', { name: 'b.png' });
    const big = await within(dialog).findByRole('img', { name: 'Preview of b.png' });
    expect(big.getAttribute('src')).toMatch(/\/b\.png\?tr=w-\d+,h-\d+,c-at_max&ik-t=9999&ik-s=signed$/);
    expect(big.getAttribute('src')).not.toBe(preview.getAttribute('src')); // sized for each place
  });

  it('falls back to the PRIVATE badge when signing fails', async () => {
    const bridge = host.bridge;
    host.bridge = {
      ...bridge,
      invoke: (channel, input) =>
        channel === 'library.signedUrls'
          ? Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'This profile has no private key.' } })
          : bridge.invoke(channel, input),
    };
    renderWithHost(<Tiles />);
    const tile = screen.getByRole('gridcell', { name: 'a.png' });
    expect(await within(tile).findByText('PRIVATE', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await tileImage('public.png')).toBeInTheDocument();
  });
});
