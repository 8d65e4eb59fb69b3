import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';

test('a Details section whose code cannot be fetched says so in its place, the others work, and Reload window brings it back', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await lib.upload('/art', 'swatch.png', { color: [220, 20, 20] });
  // The Versions section's chunk never arrives (a dropped connection, or a host updated under the window).
  await page.route(/\/assets\/VersionsSection-[^/]+\.js$/, (route) => route.abort('connectionreset'));

  const app = new AppPage(page);
  await app.open(webHost.url);
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'art', exact: true }).click({ position: { x: 24, y: 8 } });
  await page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name: 'swatch.png', exact: true }).click();

  const details = page.getByRole('complementary', { name: 'Details' });
  const failed = details.getByRole('alert').filter({ hasText: 'The Versions section could not be loaded' });
  await expect(failed).toContainText('Reload the window to load it again.');
  // The rest of the panel, and of the window, goes on working.
  await expect(details.getByRole('region', { name: 'Tags' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'URL builder' })).toBeEnabled();

  await page.unroute(/\/assets\/VersionsSection-[^/]+\.js$/);
  await failed.getByRole('button', { name: 'Reload window' }).click();
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'art', exact: true }).click({ position: { x: 24, y: 8 } });
  await page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name: 'swatch.png', exact: true }).click();
  await expect(details.getByRole('region', { name: 'Versions' }).getByRole('table', { name: 'Version history' })).toBeVisible();
  await expect(details.getByRole('alert')).toHaveCount(0);
});
