import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDetails } from '../../../shared/domain/library';
import type { VersionEntry } from '../../../shared/domain/editing';
import { VersionsSection } from '../../src/features/versions/VersionsSection';
import { renderWithHandlers } from '../tags/editing-host';

afterEach(cleanup);

const details = (n: number, size: number): FileDetails => ({
  fileId: 'f1', type: n === 3 ? 'file' : 'file-version', name: 'a.png', filePath: '/a.png', url: `http://x/a.png?v=${n}`, fileType: 'image',
  size, width: 64, height: 48, createdAt: '2024-01-01T00:00:00Z', updatedAt: `2024-01-0${n}T00:00:00Z`, versionInfo: { id: `v${n}`, name: `Version ${n}` },
});
const versions: VersionEntry[] = [3, 2, 1].map((n) => ({
  versionId: `v${n}`, versionName: `Version ${n}`, isCurrent: n === 3, previewUrl: `http://x/a.png?ik-obj-version=v${n}`, details: details(n, n * 1000),
}));

describe('VersionsSection', () => {
  it('lists versions, deletes an old one only after confirming, and offers a purge after a restore', async () => {
    const { user, calls } = renderWithHandlers(<VersionsSection file={details(3, 3000)} />, {
      'editing.versions': () => versions,
      'editing.deleteVersion': () => ({}),
      'editing.restoreVersion': () => ({ file: details(1, 1000), purgeSuggestionId: 's1', purgeUrls: ['http://x/a.png'] }),
      'purge.submit': () => ({ requests: [] }),
    });
    const table = await screen.findByRole('table', { name: 'Version history' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Version 3 (current)', 'Version 2', 'Version 1']);
    expect(screen.queryByRole('button', { name: 'Delete Version 3' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Delete Version 2' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Version 2' });
    expect(calls.some((c) => c.channel === 'editing.deleteVersion')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Delete version' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls.find((c) => c.channel === 'editing.deleteVersion')!.input).toEqual({ profileId: 'local', fileId: 'f1', versionId: 'v2' });

    await user.click(screen.getByRole('button', { name: 'Restore Version 1' }));
    // A restore asks first: it changes what the file's URL serves.
    await user.click(within(screen.getByRole('alertdialog', { name: 'Restore Version 1' })).getByRole('button', { name: 'Restore version' }));
    const outcome = await screen.findByRole('status', { name: 'Restore result' });
    await user.click(within(outcome).getByRole('button', { name: 'Purge cached URL' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'purge.submit')).toBe(true));
    expect(calls.find((c) => c.channel === 'purge.submit')!.input).toEqual({ profileId: 'local', urls: ['http://x/a.png'], suggestionId: 's1' });
  });
});
