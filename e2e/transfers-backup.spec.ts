import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { axeScan } from './support/axe';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';

type Listed = { name: string; filePath: string; fileId: string; tags?: string[] | null; customMetadata?: Record<string, unknown>; description?: string | null };

const ui = (page: Page) => ({
  tree: page.getByRole('tree', { name: 'Folders' }),
  file: (name: string) => page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true }),
  folder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }),
  openFolder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }).first().click({ position: { x: 24, y: 8 } }),
  menuItem: (name: string) => page.getByRole('menuitem', { name, exact: true }),
  transfers: page.getByRole('region', { name: 'Transfers' }),
  details: page.getByRole('complementary', { name: 'Details' }),
});

/** Where screenshots of the new dialogs go, at 1920×1080 and 1280×800, light and dark (looked at by hand; not compared). */
const SHOTS = process.env.MEDIADESK_SHOTS_DIR ?? '';

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
  ]) {
    await page.setViewportSize({ width: width!, height: height! });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Serious and critical axe findings (WCAG 2 A/AA) in the open dialog, light and dark. */
async function dialogAxe(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const result = await axeScan(page, '[role="dialog"]');
    for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

test('back up a folder tree as a .zip, delete it, restore it from the .zip: files, folders, tags and custom metadata are back', async ({ page, webHost }) => {
  // A backup, an axe scan per dialog in two themes and a verified restore: minutes on a loaded machine.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const lib = localLibrarySdk(webHost);
  await lib.sdk.customMetadataFields.create({ name: 'photographer', label: 'Photographer', schema: { type: 'Text', maxLength: 40 } });
  await lib.upload('/trip', 'cover.png', { color: [200, 60, 40] });
  await lib.upload('/trip/day1', 'beach.png', { color: [40, 160, 60] });
  await lib.upload('/trip/day1/evening', 'sunset.png', { color: [240, 120, 20] });
  const byName = async (name: string) => ((await lib.sdk.assets.list({ searchQuery: `name = "${name}"` })) as Listed[])[0]!;
  await lib.sdk.files.update((await byName('cover.png')).fileId, { tags: ['summer', 'sea'], customMetadata: { photographer: 'Ada' }, description: 'The cover' });
  await lib.sdk.files.update((await byName('sunset.png')).fileId, { tags: ['evening'], customMetadata: { photographer: 'Grace' } });

  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);

  // Back up: the folder's right-click menu, next to Copy/Move to profile.
  await b.folder('trip').click({ button: 'right', position: { x: 40, y: 10 } });
  await expect(b.menuItem('Copy folder to profile…')).toBeVisible();
  await b.menuItem('Back up folder…').click();
  const backup = page.getByRole('dialog', { name: 'Back up folder trip' });
  await expect(backup.getByRole('checkbox', { name: /Include older versions/ })).not.toBeChecked();
  await shoot(page, 'backup-dialog');
  expect(await dialogAxe(page)).toEqual([]);
  const downloading = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Download backup (.zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^trip-backup-\d{4}-\d\d-\d\d\.zip$/);
  const zipPath = test.info().outputPath('trip-backup.zip');
  await download.saveAs(zipPath);
  await expect(backup).toBeHidden();
  const row = b.transfers.getByRole('listitem', { name: /^Back up \/trip as trip-backup-.*\.zip$/ });
  await expect(row).toContainText('Done', { timeout: 30_000 });
  await expect(row).toContainText('3 of 3 files');
  await expect(row.getByRole('status')).toHaveText(/^3 files in trip-backup-.*\.zip\.$/);
  await shoot(page, 'backup-drawer');

  // Delete the folder the way a person does.
  await b.folder('trip').click({ button: 'right', position: { x: 40, y: 10 } });
  await b.menuItem('Delete folder…').click();
  const remove = page.getByRole('dialog', { name: 'Delete folder trip?' });
  await remove.getByRole('button', { name: 'Delete folder' }).click();
  await expect(b.folder('trip')).toBeHidden();
  const underTrip = async () => ((await lib.sdk.assets.list({ type: 'file', limit: 100 })) as Listed[]).filter((f) => f.filePath.startsWith('/trip/'));
  await expect.poll(async () => (await underTrip()).length).toBe(0);

  // Restore from the library's own menu: the backup goes back where it came from.
  await page.getByRole('button', { name: 'More folder actions' }).click();
  await b.menuItem('Restore from backup…').click();
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  await shoot(page, 'restore-choose');
  await restore.getByLabel('Backup .zip file').setInputFiles({ name: 'trip-backup.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) });
  await expect(restore.getByRole('group', { name: 'Backup contents' })).toContainText('Backup of /trip from Local library');
  await expect(restore.getByRole('group', { name: 'Backup contents' })).toContainText('3 files');
  await expect(restore.getByLabel('Target folder')).toHaveValue('/trip');
  await shoot(page, 'restore-target');
  expect(await dialogAxe(page)).toEqual([]);
  await restore.getByRole('button', { name: 'Review plan' }).click();
  const plan = restore.getByRole('table', { name: 'Transfer plan' });
  await expect(plan.locator('tbody').getByRole('rowheader')).toHaveText(['cover.png', 'day1/beach.png', 'day1/evening/sunset.png']);
  await expect(restore.getByRole('list', { name: 'Plan totals' })).toContainText('3 create');
  await shoot(page, 'restore-plan');
  await restore.getByRole('button', { name: 'Start restore' }).click();
  await expect(restore).toBeHidden();

  const job = b.transfers.getByRole('listitem', { name: 'Restore a backup to Local library /trip' });
  await expect(job.getByRole('status')).toHaveText('Verified: 3 of 3 files match the source (checksums and fields).', { timeout: 60_000 });
  await shoot(page, 'restore-drawer');

  // Back in the app: the folders and files, and the fields in the Details panel.
  await b.openFolder('trip');
  await expect(b.file('cover.png')).toBeVisible();
  await expect(b.folder('day1')).toBeVisible();
  await b.file('cover.png').click();
  await expect(b.details.getByRole('region', { name: 'Tags' }).getByRole('list', { name: 'File tags' }).getByRole('listitem')).toHaveText(['summer×', 'sea×']);
  // And in the Local library, as any ImageKit client sees it.
  const restored = await underTrip();
  expect(restored.map((f) => f.filePath).sort()).toEqual(['/trip/cover.png', '/trip/day1/beach.png', '/trip/day1/evening/sunset.png']);
  const cover = await byName('cover.png');
  expect(cover).toMatchObject({ tags: ['summer', 'sea'], customMetadata: { photographer: 'Ada' }, description: 'The cover' });
  expect(await byName('sunset.png')).toMatchObject({ tags: ['evening'], customMetadata: { photographer: 'Grace' } });
});

test('a damaged backup .zip is refused with the reason, and nothing is restored', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await lib.upload('/keep', 'k.png');
  const app = new AppPage(page);
  await app.open(webHost.url);
  await page.getByRole('button', { name: 'More folder actions' }).click();
  await ui(page).menuItem('Restore from backup…').click();
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  const junk = path.join(test.info().outputDir, 'not-a-backup.zip');
  mkdirSync(path.dirname(junk), { recursive: true });
  writeFileSync(junk, 'this is not a zip file');
  await restore.getByLabel('Backup .zip file').setInputFiles(junk);
  await expect(restore.getByRole('alert')).toContainText('not-a-backup.zip: This .zip is not a MediaDesk backup that can be restored: it cannot be read as a zip');
  await expect(restore.getByRole('alert')).toContainText('Nothing was restored.');
  await expect(restore.getByRole('button', { name: 'Choose backup .zip…' })).toBeEnabled();
  expect(((await lib.sdk.assets.list({})) as Listed[]).map((f) => f.filePath)).toEqual(['/keep/k.png']);
});
