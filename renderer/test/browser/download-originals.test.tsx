import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { useAppInfo } from '../../src/api/profiles';
import { useFileActions } from '../../src/features/browser/use-file-actions';
import { useToastStore } from '../../src/ui/toast/toast-store';
import { createLibraryHost, summary, type LibraryHost, type LibraryHostOptions } from './library-host';

const files = [summary('a.png'), summary('b.png')];

function DownloadButton() {
  const info = useAppInfo();
  const { download } = useFileActions();
  return (
    <button type="button" disabled={!info.data} onClick={() => void download(files)}>
      Download
    </button>
  );
}

async function clickDownload(options: LibraryHostOptions): Promise<LibraryHost> {
  const host = createLibraryHost(files, options);
  setBridgeForTests(host.bridge);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <DownloadButton />
    </QueryClientProvider>,
  );
  const button = screen.getByRole('button', { name: 'Download' });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return host;
}

const saving = new Set(['app.pickDirectory', 'library.saveOriginals']);
const channels = (host: LibraryHost) => host.calls.map((c) => c.channel).filter((c) => saving.has(c));

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
});

describe('downloading originals in the desktop app', () => {
  it('asks for a folder, then saves the originals there through the main process', async () => {
    const host = await clickDownload({ host: 'electron', pickedDirectory: '/home/me/Pictures' });
    await waitFor(() => expect(channels(host)).toEqual(['app.pickDirectory', 'library.saveOriginals']));
    expect(host.calls.at(-1)!.input).toMatchObject({ fileIds: files.map((f) => f.fileId), directory: '/home/me/Pictures' });
    await waitFor(() => expect(useToastStore.getState().latest.library?.text ?? '').toContain('Saved 2 of 2 to /home/me/Pictures.'));
    expect(host.problems).toEqual([]);
  });

  it('saves nothing when the folder dialog is cancelled', async () => {
    const host = await clickDownload({ host: 'electron', pickedDirectory: null });
    await waitFor(() => expect(channels(host)).toEqual(['app.pickDirectory']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(channels(host)).toEqual(['app.pickDirectory']);
  });

  it('in the web host leaves saving to the browser and never asks the main side', async () => {
    const host = await clickDownload({ host: 'web' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(channels(host)).toEqual([]);
  });
});
