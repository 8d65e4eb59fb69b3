import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { setBridgeForTests } from '../src/api/transport';
import { createInMemoryHost, type InMemoryHost } from './support/in-memory-host';
import { renderApp } from './support/render-app';

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
});

const PRIVATE = 'private_Sup3rSecretKey9xYz';

async function openNewProfile(host: InMemoryHost) {
  const app = renderApp(host);
  const nav = await screen.findByRole('navigation', { name: 'Profiles' });
  await within(nav).findByRole('button', { name: 'Local library' });
  await app.user.click(within(nav).getByRole('button', { name: 'New profile…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Profile' });
  return { ...app, dialog, form: within(dialog) };
}

const saves = (host: InMemoryHost) => host.calls.filter((c) => c.channel === 'profiles.save');

describe('Profile dialog: validation before anything is sent', () => {
  it('names every missing field in words and sends nothing', async () => {
    const host = createInMemoryHost();
    const { user, form } = await openNewProfile(host);
    await user.click(form.getByRole('button', { name: 'Save' }));

    expect(form.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByText('Name is empty.')).toBeVisible();
    expect(form.getByText(/^URL endpoint is empty\./)).toBeVisible();
    expect(form.getByText('Public key is empty.')).toBeVisible();
    expect(form.getByText(/^Private key is empty\./)).toBeVisible();
    // The message is tied to its field for screen readers.
    expect(form.getByLabelText('Public key')).toHaveAccessibleDescription('Public key is empty.');
    expect(saves(host)).toEqual([]);
  });

  it.each([
    ['not a url', /is not a URL/],
    ['ftp://files.example.com/x', /must start with https:\/\//],
    ['http://ik.imagekit.io/demo', /must use https:\/\//],
    ['https://ik.imagekit.io/demo?tr=w-100', /must not contain "\?" or "#"/],
  ])('rejects the URL endpoint %s before saving', async (endpoint, message) => {
    const host = createInMemoryHost();
    const { user, form } = await openNewProfile(host);
    await user.type(form.getByLabelText('Name'), 'Work');
    await user.type(form.getByLabelText('URL endpoint'), endpoint);
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), PRIVATE);
    await user.click(form.getByRole('button', { name: 'Save' }));
    expect(form.getByLabelText('URL endpoint')).toHaveAccessibleDescription(message);
    expect(saves(host)).toEqual([]);
  });

  it('clears a field’s error as soon as it is edited', async () => {
    const host = createInMemoryHost();
    const { user, form } = await openNewProfile(host);
    await user.click(form.getByRole('button', { name: 'Save' }));
    await user.type(form.getByLabelText('Name'), 'W');
    expect(form.queryByText('Name is empty.')).toBeNull();
    expect(form.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('tests a connection without needing a name, and still checks the other fields first', async () => {
    const host = createInMemoryHost({ validKeys: { public_abc: PRIVATE } });
    const { user, form } = await openNewProfile(host);
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    expect(form.queryByText('Name is empty.')).toBeNull();
    expect(form.getByText(/^URL endpoint is empty\./)).toBeVisible();
    expect(host.calls.some((c) => c.channel === 'profiles.testConnection')).toBe(false);

    await user.type(form.getByLabelText('URL endpoint'), 'https://ik.imagekit.io/demo');
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), PRIVATE);
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    expect(await form.findByRole('status', { name: 'Test result' })).toHaveTextContent('Connected');
  });
});

describe('Profile dialog: saving and the write-only private key', () => {
  it('saves a new profile, shows the connection result, and never shows the key again', async () => {
    const host = createInMemoryHost({ validKeys: { public_abc: PRIVATE } });
    const { user, form } = await openNewProfile(host);
    await user.type(form.getByLabelText('Name'), 'Work');
    await user.type(form.getByLabelText('URL endpoint'), 'https://ik.imagekit.io/demo/');
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), PRIVATE);
    await user.click(form.getByRole('button', { name: 'Save' }));

    expect(await form.findByRole('status', { name: 'Test result' })).toHaveTextContent('Connected');
    expect(saves(host)).toHaveLength(1);
    expect(form.getByText('Editing “Work”')).toBeVisible();
    const keyField = form.getByLabelText('Private key');
    expect(keyField).toHaveValue('');
    expect(keyField).toHaveAttribute('type', 'password');
    expect(keyField).toHaveAccessibleDescription(/A key ending …9xYz is stored in the system keychain/);
    expect(document.body.innerHTML).not.toContain(PRIVATE);
    // The endpoint was normalised by the contract's schema (no trailing slash).
    expect(form.getByLabelText('URL endpoint')).toHaveValue('https://ik.imagekit.io/demo');

    // The modal dialog hides the page behind it from assistive technology; the list there already shows the new profile.
    const nav = screen.getByRole('navigation', { name: 'Profiles', hidden: true });
    expect(within(nav).getByRole('button', { name: 'Work', hidden: true })).toBeVisible();
  });

  it('keeps the stored key when an edit leaves the private key empty', async () => {
    const host = createInMemoryHost({ validKeys: { public_abc: PRIVATE } });
    const { user, form } = await openNewProfile(host);
    await user.type(form.getByLabelText('Name'), 'Work');
    await user.type(form.getByLabelText('URL endpoint'), 'https://ik.imagekit.io/demo');
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), PRIVATE);
    await user.click(form.getByRole('button', { name: 'Save' }));
    await form.findByText('Editing “Work”');

    await user.clear(form.getByLabelText('Name'));
    await user.type(form.getByLabelText('Name'), 'Work account');
    await user.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByText('Editing “Work account”')).toBeVisible();
    const second = saves(host)[1]!.input as Record<string, unknown>;
    expect(second).not.toHaveProperty('privateKey');
    expect(second.id).toBe([...host.secrets.keys()][0]);
    expect(host.secrets.get(second.id as string)).toBe(PRIVATE);
    expect(await form.findByRole('status', { name: 'Test result' })).toHaveTextContent('Connected');
  });

  it('shows a rejected key in plain words', async () => {
    const host = createInMemoryHost({ validKeys: { public_abc: PRIVATE } });
    const { user, form } = await openNewProfile(host);
    await user.type(form.getByLabelText('URL endpoint'), 'https://ik.imagekit.io/demo');
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), 'private_wrong');
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    const result = await form.findByRole('status', { name: 'Test result' });
    await expect.poll(() => result.textContent).toMatch(/^Key rejected/);
  });

  it('offers to keep the key for this run only when no keychain exists, and saves only after that choice', async () => {
    const host = createInMemoryHost({ validKeys: { public_abc: PRIVATE } });
    host.keychainAvailable = false;
    const { user, form } = await openNewProfile(host);
    await user.type(form.getByLabelText('Name'), 'Work');
    await user.type(form.getByLabelText('URL endpoint'), 'https://ik.imagekit.io/demo');
    await user.type(form.getByLabelText('Public key'), 'public_abc');
    await user.type(form.getByLabelText('Private key'), PRIVATE);
    await user.click(form.getByRole('button', { name: 'Save' }));

    expect(form.getByLabelText('Private key')).toHaveAccessibleDescription(/no system keychain: MediaDesk will ask/);
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('No system keychain is available');
    expect(host.secrets.size).toBe(0);
    await user.click(within(alert).getByRole('button', { name: 'Keep the key for this run only' }));
    expect(await form.findByText('Editing “Work”')).toBeVisible();
    expect(saves(host).at(-1)!.input).toMatchObject({ keyStorage: 'session' });
    expect(form.getByLabelText('Private key')).toHaveAccessibleDescription(/kept for this run only/);

    // A new key for the same profile keeps the choice instead of asking again.
    await user.type(form.getByLabelText('Private key'), 'private_other_key');
    await user.click(form.getByRole('button', { name: 'Save' }));
    await expect.poll(() => saves(host).length).toBe(3);
    expect(saves(host)[2]!.input).toMatchObject({ privateKey: 'private_other_key', keyStorage: 'session' });
    expect(form.queryByRole('alert')).toBeNull();
  });
});
