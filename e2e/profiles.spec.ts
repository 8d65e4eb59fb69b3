import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import type { WebHost } from './support/hosts';

/** The embedded Local library's private key: the page must never receive it either. */
const localLibraryKey = (host: WebHost) =>
  (JSON.parse(readFileSync(path.join(host.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string }).privateKey;

// The web host runs with --no-keychain (see fixtures.ts): the browser tests have no Secret Service
// session, and this makes the "keep the key for this run only" path explicit and deterministic.

test('first run opens the Local library and reports it connected', async ({ page, webHost, frames, secrets }) => {
  secrets.push(localLibraryKey(webHost));
  const app = new AppPage(page);
  await app.open(webHost.url);

  await expect(app.profile('Local library')).toHaveAttribute('aria-current', 'true');
  await expect(app.status).toContainText('Local library');
  await expect(app.status).toContainText('Connected');
  // The token left the address bar once the page had it.
  expect(new URL(page.url()).hash).not.toContain('token=');
  expect(frames.sockets).toHaveLength(1);

  // A reload has no token in the URL any more; the tab kept it, so the app reconnects.
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await expect(app.status).toContainText('Connected');
});

test('an ImageKit account on a second emulator connects; a wrong key is rejected; no key reaches the page', async ({
  page,
  webHost,
  account,
  frames,
  secrets,
}) => {
  const wrongKey = `private_${randomBytes(18).toString('base64url')}`;
  secrets.push(account.privateKey, wrongKey, localLibraryKey(webHost));
  const app = new AppPage(page);
  await app.open(webHost.url);

  await app.openNewProfile();
  await app.fill({ name: 'Studio', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
  await app.testConnection();
  await expect(app.testResult).toHaveText('Connected');

  await app.save();
  // No keychain on this host: the app asks before keeping the key in memory for this run.
  const offer = app.dialog.getByRole('alert');
  await expect(offer).toContainText(/keychain/i);
  await offer.getByRole('button', { name: 'Keep the key for this run only' }).click();
  await expect(app.dialog.getByText('Editing “Studio”')).toBeVisible();
  await expect(app.testResult).toHaveText('Connected');
  await expect(app.field('Private key')).toHaveValue('');
  await expect(app.field('Private key')).toHaveAccessibleDescription(
    new RegExp(`A key ending …${account.privateKey.slice(-4)} is kept for this run only`),
  );
  await app.closeDialog();

  await app.activate('Studio');
  await expect(app.profile('Local library')).not.toHaveAttribute('aria-current', 'true');
  await expect(app.status).toContainText('Studio');
  await expect(app.status).toContainText('Connected');

  // A wrong private key: first as an unsaved test, then saved, which the status bar must reflect.
  await app.editProfile('Studio');
  await app.fill({ privateKey: wrongKey });
  await app.testConnection();
  await expect(app.testResult).toContainText(/^Key rejected/);
  await app.save();
  await expect(app.testResult).toContainText(/^Key rejected/);
  await app.closeDialog();
  await expect(app.status).toContainText(/Key rejected/);

  // The page did send both keys (the capture works), yet received neither.
  expect(frames.sent.some((f) => f.includes(account.privateKey))).toBe(true);
  expect(frames.sent.some((f) => f.includes(wrongKey))).toBe(true);
  await expect(page.locator('body')).not.toContainText(account.privateKey);
});

test('an endpoint that does not answer is reported as unreachable', async ({ page, webHost, account }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  await app.openNewProfile();
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  await app.fill({ urlEndpoint: 'http://127.0.0.1:1/acct', publicKey: account.publicKey, privateKey: account.privateKey });
  await app.testConnection();
  await expect(app.testResult).toContainText(/^Unreachable/);
});

test('a page opened with a wrong token is refused and says why', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await page.goto(`${webHost.origin}/#token=not-the-token`);
  await expect(app.status).toContainText('Could not connect to the MediaDesk host');
  await expect(page.locator('[data-app-state="error"]')).toBeVisible();
});
