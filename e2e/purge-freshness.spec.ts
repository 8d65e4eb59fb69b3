import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true }).click();

/** Opens the Purge tab once (its lists are now cached, empty), then goes back to the Library. */
async function visitPurgeFirst(page: Page) {
  await tab(page, 'Purge');
  const purge = page.getByRole('region', { name: 'Purge', exact: true });
  await expect(purge.getByText('Nothing to purge: no file changed since the last check.')).toBeVisible();
  await expect(purge.getByRole('meter', { name: 'Monthly purge quota' })).toHaveAttribute('aria-valuenow', '0');
  await tab(page, 'Library');
  return purge;
}

async function rename(page: Page, folder: string, from: string, to: string, purgeOldUrl: boolean) {
  const lib = library(page);
  await lib.open(folder);
  await lib.file(from).click();
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: `Rename ${from}` });
  await dialog.getByLabel('New name').fill(to);
  if (purgeOldUrl) await dialog.getByRole('checkbox', { name: 'Also purge the old URL from the CDN cache' }).check();
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(lib.file(to)).toBeVisible();
}

test('a rename without purge is suggested in the Purge tab at once, though the tab was opened before', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/pics', 'old.png');
  await new AppPage(page).open(webHost.url);
  const purge = await visitPurgeFirst(page);

  await rename(page, 'pics', 'old.png', 'new.png', false);
  await tab(page, 'Purge');
  const suggestion = purge.getByRole('listitem', { name: 'Renamed: /pics/old.png' });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText(`${sdk.urlEndpoint}/pics/old.png`);
});

test('a rename with "Also purge the old URL" shows that purge in the history and the quota at once', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/pics', 'before.png');
  await new AppPage(page).open(webHost.url);
  const purge = await visitPurgeFirst(page);

  await rename(page, 'pics', 'before.png', 'after.png', true);
  await tab(page, 'Purge');
  const history = purge.getByRole('list', { name: 'Purge requests' });
  await expect(history.getByRole('listitem', { name: /1 URL, Completed$/ })).toBeVisible();
  await expect(history).toContainText(`${sdk.urlEndpoint}/pics/before.png`);
  await expect(purge.getByRole('meter', { name: 'Monthly purge quota' })).toHaveAttribute('aria-valuenow', '1');
  // The old URL was purged already: nothing is left to suggest for it.
  await expect(purge.getByRole('listitem', { name: 'Renamed: /pics/before.png' })).toHaveCount(0);
});

test('a restored version is suggested in the Purge tab at once, though the tab was opened before', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/art', 'swatch.png', { color: [220, 20, 20] });
  await sdk.upload('/art', 'swatch.png', { color: [20, 20, 220] });
  await new AppPage(page).open(webHost.url);
  const purge = await visitPurgeFirst(page);

  const lib = library(page);
  await lib.open('art');
  await lib.file('swatch.png').click();
  const versions = lib.details.getByRole('region', { name: 'Versions' });
  await versions.getByRole('button', { name: 'Restore Version 1' }).click();
  await versions.getByRole('alertdialog', { name: 'Restore Version 1' }).getByRole('button', { name: 'Restore version' }).click();
  await expect(versions.getByRole('status', { name: 'Restore result' })).toContainText('Version 1 is the current version again.');

  await tab(page, 'Purge');
  await expect(purge.getByRole('listitem', { name: 'Version restored: /art/swatch.png' })).toBeVisible();
});
