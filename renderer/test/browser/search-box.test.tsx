import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { LibraryBrowser } from '../../src/features/browser/LibraryBrowser';
import { useBrowserStore } from '../../src/ui/browser-store';
import { createLibraryHost, summary, type LibraryHost } from './library-host';

let host: LibraryHost;

async function renderBrowser() {
  setBridgeForTests(host.bridge);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LibraryBrowser />
    </QueryClientProvider>,
  );
  await screen.findByRole('searchbox', { name: 'Search' }); // the active profile has loaded
  return user;
}

beforeEach(() => {
  useBrowserStore.setState({ profileId: null, folderPath: '/', search: null });
  host = createLibraryHost([summary('sunset.png'), summary('sundial.png'), summary('moon.png'), summary('deep.png', '/nested')]);
});
afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
  expect(host.problems).toEqual([]);
});

async function searchFor(user: ReturnType<typeof userEvent.setup>, mode: 'Search query' | 'Name contains', text: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Search by' }), mode);
  const box = screen.getByRole('searchbox', { name: 'Search' });
  await user.clear(box);
  await user.type(box, `${text}{Enter}`);
  return box;
}

describe('search box', () => {
  it('shows the server’s 400 message inline under the box, keeps the text and marks the box invalid', async () => {
    const user = await renderBrowser();
    const box = await searchFor(user, 'Search query', 'name : ');
    const form = screen.getByRole('search', { name: 'Library search' });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/^ImageKit rejected the query: Invalid search query: .+/);
    expect(box).toHaveValue('name : ');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(alert.textContent!);
    // The files area explains instead of showing a second copy of the error.
    expect(screen.getByText('Fix the search query above, or clear the search to see the folder again.')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('clears the error once a valid query is applied, and sends it as searchQuery', async () => {
    const user = await renderBrowser();
    await searchFor(user, 'Search query', 'name = ');
    expect(await within(screen.getByRole('search')).findByRole('alert')).toBeInTheDocument();
    const box = await searchFor(user, 'Search query', 'name : "sun"');
    await expect.poll(() => screen.getByRole('status', { name: 'Selection' }).textContent).toBe('2 files');
    expect(within(screen.getByRole('search')).queryByRole('alert')).toBeNull();
    expect(box).not.toHaveAttribute('aria-invalid');
    const last = host.calls.filter((c) => c.channel === 'library.list').at(-1);
    expect(last?.input).toMatchObject({ folderPath: '/', searchQuery: 'name : "sun"', scope: 'folder' });
  });

  it('name search never shows a query error and says how complete the local index is', async () => {
    const user = await renderBrowser();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Search in' }), 'Whole library');
    await searchFor(user, 'Name contains', 'EE');
    expect(await screen.findByText('Searched the 4 names MediaDesk has listed so far.')).toBeInTheDocument();
    await expect.poll(() => screen.getByRole('status', { name: 'Selection' }).textContent).toBe('1 file');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(host.calls.find((c) => c.channel === 'library.searchNames')?.input).toEqual({ profileId: 'local', text: 'EE' });
  });

  it('Escape in the box clears the search and goes back to the folder listing', async () => {
    const user = await renderBrowser();
    const box = await searchFor(user, 'Search query', 'name = ');
    expect(await within(screen.getByRole('search')).findByRole('alert')).toBeInTheDocument();
    await user.type(box, '{Escape}');
    expect(box).toHaveValue('');
    expect(within(screen.getByRole('search')).queryByRole('alert')).toBeNull();
    await expect.poll(() => screen.getByRole('status', { name: 'Selection' }).textContent).toBe('3 files');
  });
});
