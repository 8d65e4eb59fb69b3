import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { setBridgeForTests } from '../src/api/transport';
import type { ProfileView } from '../../shared/domain/profile';
import { createInMemoryHost } from './support/in-memory-host';
import { renderApp } from './support/render-app';

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
});

const studio: ProfileView = {
  id: 'studio',
  name: 'Studio',
  kind: 'imagekit',
  urlEndpoint: 'https://ik.imagekit.io/studio',
  publicKey: 'public_studio',
  hasPrivateKey: true,
  keyHint: '…9xYz',
  keyStorage: 'keychain',
  active: false,
};

function twoProfiles() {
  const host = createInMemoryHost({ validKeys: { public_studio: 'private_studio_9xYz' } });
  return host;
}

describe('app frame', () => {
  it('lists profiles in the Profiles navigation with the active one marked, and switches on click', async () => {
    const host = createInMemoryHost({
      validKeys: { public_studio: 'private_studio_9xYz' },
      profiles: [
        { ...studio, id: 'local', name: 'Local library', kind: 'local', keyStorage: 'embedded', active: true },
        studio,
      ],
    });
    host.secrets.set('studio', 'private_studio_9xYz');
    const { user } = renderApp(host);
    const nav = await screen.findByRole('navigation', { name: 'Profiles' });
    const local = await within(nav).findByRole('button', { name: 'Local library' });
    const other = within(nav).getByRole('button', { name: 'Studio' });
    expect(local).toHaveAttribute('aria-current', 'true');
    expect(other).not.toHaveAttribute('aria-current');
    expect(other).toHaveAccessibleDescription('ImageKit account');

    await user.click(other);
    await expect.poll(() => other.getAttribute('aria-current')).toBe('true');
    expect(local).not.toHaveAttribute('aria-current');
    const status = screen.getByRole('status', { name: 'Connection status' });
    await expect.poll(() => status.textContent).toBe('Studio:Connected');
    expect(host.calls.filter((c) => c.channel === 'profiles.activate')).toEqual([{ channel: 'profiles.activate', input: { id: 'studio' } }]);
  });

  it('shows the status the host pushes for the open profile, and ignores pushes about other profiles', async () => {
    const host = twoProfiles();
    renderApp(host);
    const status = await screen.findByRole('status', { name: 'Connection status' });
    await expect.poll(() => status.textContent).toBe('Local library:Connected');

    act(() =>
      host.emit('connection.changed', { profileId: 'someone-else', state: 'unreachable', message: 'Unreachable: x', checkedAt: null }),
    );
    // react-query notifies on a later tick; give an (ignored) update time to show before checking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(status).toHaveTextContent('Local library:Connected');

    act(() =>
      host.emit('connection.changed', {
        profileId: 'local',
        state: 'unreachable',
        message: 'Unreachable: 127.0.0.1 refused the connection. Is the server running?',
        checkedAt: null,
      }),
    );
    await expect.poll(() => status.textContent).toBe(
      'Local library:Unreachable: 127.0.0.1 refused the connection. Is the server running?',
    );
    expect(status).toHaveAttribute('data-state', 'bad');
  });

  it('says in words when the host cannot be reached at all', async () => {
    const host = twoProfiles();
    host.bridge.invoke = () => Promise.reject(new Error('This page has no access key.'));
    renderApp(host);
    const nav = await screen.findByRole('navigation', { name: 'Profiles' });
    expect(await within(nav).findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Could not load profiles: This page has no access key.',
    );
  });

  it('opens the Profile dialog from an Edit button, closes it with Escape and gives focus back', async () => {
    const host = twoProfiles();
    const { user } = renderApp(host);
    const edit = await screen.findByRole('button', { name: 'Edit Local library' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Profile' });
    expect(within(dialog).getByText('Editing “Local library”')).toBeVisible();
    // The Local library's address and keys are managed by the app: read-only, no key fields, no Save.
    expect(within(dialog).getByLabelText('URL endpoint')).toHaveAttribute('readonly');
    expect(within(dialog).queryByLabelText('Private key')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(await within(dialog).findByRole('status', { name: 'Test result' })).toHaveTextContent('Connected');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The dialog hands focus back once its close has been committed, a tick after the key press.
    await waitFor(() => expect(edit).toHaveFocus());
  });

  it('gives focus back to the opener even when a field took focus on open', async () => {
    const host = twoProfiles();
    const { user } = renderApp(host);
    const opener = await screen.findByRole('button', { name: 'New profile…' });
    await user.click(opener);
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('"Add profile" in the dialog switches from editing to a blank new profile', async () => {
    const host = twoProfiles();
    const { user } = renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit Local library' }));
    const dialog = await screen.findByRole('dialog', { name: 'Profile' });
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    expect(within(dialog).getByText('New ImageKit account')).toBeVisible();
    expect(within(dialog).getByLabelText('Name')).toHaveValue('');
    expect(within(dialog).getByLabelText('Private key')).toBeInTheDocument();
  });

  it('deletes a profile only after a second, explicit confirmation', async () => {
    const host = createInMemoryHost({ profiles: [{ ...studio, id: 'local', name: 'Local library', kind: 'local', keyStorage: 'embedded', active: true }, studio] });
    const { user } = renderApp(host);
    await user.click(await screen.findByRole('button', { name: 'Edit Studio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Profile' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete profile…' }));
    expect(host.calls.some((c) => c.channel === 'profiles.delete')).toBe(false);
    const confirm = within(dialog).getByRole('group', { name: 'Confirm delete' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete Studio' }));

    expect(await within(dialog).findByText('New ImageKit account')).toBeVisible();
    // The modal dialog hides the rest of the page from assistive technology while it is open, so the
    // list behind it is found with `hidden: true`: it must already have dropped the deleted profile.
    const nav = screen.getByRole('navigation', { name: 'Profiles', hidden: true });
    await expect.poll(() => within(nav).queryByRole('button', { name: 'Studio', hidden: true })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Local library', hidden: true })).toBeVisible();
    expect(host.calls.filter((c) => c.channel === 'profiles.delete')).toEqual([{ channel: 'profiles.delete', input: { id: 'studio' } }]);
  });
});
