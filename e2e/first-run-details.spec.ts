import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

test('the empty Local library offers sample images and a three-step guide', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const lib = library(page);
  await expect(page.getByRole('heading', { name: 'Your Local library is empty' })).toBeVisible();
  const guide = page.getByRole('region', { name: 'Getting started' });
  await expect(guide.getByRole('listitem')).toHaveCount(3);
  await expect(guide.getByRole('listitem')).toContainText(['Upload', 'Build a URL', 'Connect an ImageKit account']);

  await page.getByRole('button', { name: 'Add sample images' }).click();
  await expect(lib.folder('samples')).toBeVisible({ timeout: 30_000 });
  await lib.open('samples');
  await expect(lib.files.getByRole('gridcell', { name: /^sample-.*\.jpg$/ })).toHaveCount(4, { timeout: 30_000 });
  await lib.file('sample-lake.jpg').click();
  await expect(lib.details.getByText('sample', { exact: true })).toBeVisible();

  // Back at the root, which still holds no files of its own: the guide is shown only to an empty library.
  await lib.open('Library');
  await expect(guide).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your Local library is empty' })).toBeHidden();
});

test('the guide, once dismissed, stays dismissed after a reload', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const guide = page.getByRole('region', { name: 'Getting started' });
  await guide.getByRole('button', { name: 'Dismiss the guide' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add sample images' })).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your Local library is empty' })).toBeVisible();
  await expect(guide).toBeHidden();
});

test('Details says "Version N of M" counted from the oldest, also after a restore', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  for (const color of [[220, 20, 20], [20, 200, 20], [20, 20, 220]] as const) await sdk.upload('/art', 'swatch.png', { color: [...color] });
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await lib.open('art');
  await lib.file('swatch.png').click();
  const version = lib.details.getByRole('definition').filter({ hasText: /^Version \d of \d$/ });
  await expect(version).toHaveText('Version 3 of 3');

  const versions = lib.details.getByRole('region', { name: 'Versions' });
  await versions.getByRole('button', { name: 'Restore Version 1' }).click();
  await versions.getByRole('alertdialog', { name: 'Restore Version 1' }).getByRole('button', { name: 'Restore version' }).click();
  await expect(versions.getByRole('table', { name: 'Version history' }).getByRole('rowheader').first()).toHaveText('Version 1 (current)');
  await expect(version).toHaveText('Version 1 of 3');
});
