import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { Builder, localSdk } from './support/builder-page';
import { library } from './support/screens';
import { dropFiles } from './support/uploads-helpers';

// A newcomer's first hour, at the size of a common laptop screen, without a reload anywhere.
test.use({ viewport: { width: 1280, height: 800 } });

const jpeg = (colour: string, width = 640, height = 480) => sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true }).click();
const uploadDialog = (page: Page) => page.getByRole('dialog', { name: /^Upload/ });
const row = (page: Page, name: string) => page.getByRole('region', { name: 'Uploads' }).getByRole('listitem', { name: new RegExp(`^${name.replace(/\./g, '\\.')}:`) });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

/** A dialog fits 1024×640 without sideways scrolling. */
async function fitsSmallScreen(page: Page, dialog: Locator) {
  await page.setViewportSize({ width: 1024, height: 640 });
  const fit = await dialog.evaluate((d) => ({ scroll: d.scrollWidth - d.clientWidth, right: d.getBoundingClientRect().right, width: window.innerWidth }));
  expect(fit.scroll, 'dialog content wider than the dialog').toBeLessThanOrEqual(0);
  expect(fit.right).toBeLessThanOrEqual(fit.width);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('newcomer journey: folder, uploads, search, rename with purge, replace and restore, tags, metadata, URL builder, purge, metadata', async ({ page, webHost }) => {
  test.setTimeout(300_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'e2e-journey-'));
  try {
    await new AppPage(page).open(webHost.url);
    const lib = library(page);
    const { endpoint } = localSdk(webHost);

    await test.step('create a folder (its name as ImageKit stores it)', async () => {
      await page.getByRole('button', { name: 'New folder' }).click();
      const dialog = page.getByRole('dialog', { name: 'New folder' });
      await dialog.getByLabel('Folder name').fill('Trip 2024');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('status', { name: 'Last action' })).toContainText('Created the folder Trip_2024.');
      await lib.open('Trip_2024');
    });

    await test.step('upload by picker and by drop; the upload dialog fits 1024×640', async () => {
      writeFileSync(path.join(work, 'beach.jpg'), await jpeg('#3a8fd8'));
      writeFileSync(path.join(work, 'dunes.jpg'), await jpeg('#d8a23a'));
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('region', { name: 'Uploads' }).getByRole('button', { name: 'Upload', exact: true }).click();
      await (await chooser).setFiles([path.join(work, 'beach.jpg'), path.join(work, 'dunes.jpg')]);
      await fitsSmallScreen(page, uploadDialog(page));
      await uploadDialog(page).getByLabel('Folder', { exact: true }).fill('/Trip_2024');
      await uploadDialog(page).getByRole('button', { name: 'Upload', exact: true }).click();
      await expect(uploadDialog(page)).toBeHidden();

      await dropFiles(page, [{ name: 'harbour.jpg', content: await jpeg('#2a6a4a'), type: 'image/jpeg' }]);
      await uploadDialog(page).getByLabel('Folder', { exact: true }).fill('/Trip_2024');
      await uploadDialog(page).getByRole('button', { name: 'Upload', exact: true }).click();
      for (const name of ['beach.jpg', 'dunes.jpg', 'harbour.jpg']) await expect(lib.file(name)).toBeVisible({ timeout: 30_000 });
    });

    await test.step('with Details open the files keep at least 55% of the width', async () => {
      await lib.file('harbour.jpg').click();
      await expect(lib.details).toBeVisible();
      expect((await box(lib.files)).width / 1280).toBeGreaterThanOrEqual(0.55);
    });

    await test.step('search with a searchQuery, then go back to the folder', async () => {
      const search = page.getByRole('search', { name: 'Library search' });
      await search.getByRole('combobox', { name: 'Search by' }).selectOption('query');
      await search.getByRole('searchbox', { name: 'Search' }).fill('name : "dun"');
      await search.getByRole('searchbox', { name: 'Search' }).press('Enter');
      await expect(lib.files.getByRole('gridcell')).toHaveCount(1);
      await expect(lib.file('dunes.jpg')).toBeVisible();
      await search.getByRole('button', { name: 'Clear search' }).click();
      await expect(lib.files.getByRole('gridcell')).toHaveCount(3);
    });

    await test.step('rename with purge; the purge history shows it', async () => {
      await lib.file('harbour.jpg').click();
      await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Rename…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename harbour.jpg' });
      await dialog.getByLabel('New name').fill('port.jpg');
      await dialog.getByRole('checkbox', { name: 'Also purge the old URL from the CDN cache' }).check();
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await expect(lib.file('port.jpg')).toBeVisible();
      await tab(page, 'Purge');
      const history = page.getByRole('region', { name: 'Purge', exact: true }).getByRole('list', { name: 'Purge requests' });
      await expect(history.getByRole('listitem', { name: /1 URL, Completed$/ })).toBeVisible();
      await expect(history).toContainText(`${endpoint}/Trip_2024/harbour.jpg`);
      await tab(page, 'Library');
    });

    await test.step('replace a file, then restore the old version', async () => {
      await dropFiles(page, [{ name: 'beach.jpg', content: await jpeg('#c03030'), type: 'image/jpeg' }]);
      await uploadDialog(page).getByLabel('Folder', { exact: true }).fill('/Trip_2024');
      await uploadDialog(page).getByRole('button', { name: 'Upload', exact: true }).click();
      const waiting = page.getByRole('region', { name: 'Uploads' }).getByRole('group', { name: 'Every file that already exists' });
      await waiting.getByRole('button', { name: 'Replace all' }).click();
      await expect(row(page, 'beach.jpg').first()).toHaveAccessibleName(/Uploaded/, { timeout: 30_000 });
      await lib.file('beach.jpg').click();
      const versions = lib.details.getByRole('region', { name: 'Versions' });
      await expect(versions.getByRole('table', { name: 'Version history' }).getByRole('rowheader')).toHaveText(['Version 2 (current)', 'Version 1']);
      await versions.getByRole('button', { name: 'Restore Version 1' }).click();
      await versions.getByRole('alertdialog', { name: 'Restore Version 1' }).getByRole('button', { name: 'Restore version' }).click();
      await expect(versions.getByRole('status', { name: 'Restore result' })).toContainText('Version 1 is the current version again.');
    });

    await test.step('bulk tags on the whole folder', async () => {
      await lib.file('dunes.jpg').click();
      await page.keyboard.press('ControlOrMeta+a');
      await expect(page.getByRole('status', { name: 'Selection' })).toContainText('3 selected');
      await tab(page, 'Custom metadata');
      await page.getByRole('combobox', { name: 'Tags for all rows' }).fill('trip, summer');
      await page.getByRole('button', { name: 'Add to 3 files' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Added trip, summer to 3 files.' })).toBeVisible();
    });

    await test.step('create a metadata field and use it in the next upload, without reload', async () => {
      await page.getByRole('button', { name: 'New field' }).click();
      const form = page.getByRole('form', { name: 'New field' });
      await form.getByLabel('Name', { exact: true }).fill('place');
      await form.getByLabel('Label', { exact: true }).fill('Place');
      await form.getByLabel('Type', { exact: true }).selectOption('Text');
      await form.getByRole('button', { name: 'Create field' }).click();
      await expect(page.getByRole('table', { name: 'Fields' }).getByRole('rowheader', { name: 'Place', exact: true })).toBeVisible();
      await dropFiles(page, [{ name: 'pier.jpg', content: await jpeg('#777777'), type: 'image/jpeg' }]);
      await uploadDialog(page).getByLabel('Folder', { exact: true }).fill('/Trip_2024');
      await uploadDialog(page).getByLabel('Place', { exact: true }).fill('Lisbon');
      await uploadDialog(page).getByRole('button', { name: 'Upload', exact: true }).click();
      await expect(row(page, 'pier.jpg')).toHaveAccessibleName(/Uploaded/, { timeout: 30_000 });
      const { sdk } = localSdk(webHost);
      const [pier] = (await sdk.assets.list({ path: '/Trip_2024', searchQuery: 'name = "pier.jpg"' })) as Array<{ fileId: string }>;
      expect((await sdk.files.get(pier!.fileId)).customMetadata).toEqual({ place: 'Lisbon' });
    });

    const builder = new Builder(page);
    await test.step('build a URL with a text overlay, and sign it', async () => {
      await builder.open();
      await builder.setSource('/Trip_2024/dunes.jpg');
      await builder.addParameter('Step 1', 'Width', '400');
      await builder.step('Step 1').getByRole('button', { name: 'Add text overlay' }).click();
      await builder.region.getByRole('group', { name: 'Step 1 text overlay', exact: true }).getByLabel('Overlay text').fill('Hello');
      await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:w-400,l-text,i-Hello,l-end/Trip_2024/dunes.jpg`);
      await expect(builder.details).toContainText('400 × 300 px');
      await builder.region.getByRole('checkbox', { name: 'Signed URL' }).check();
      await builder.region.getByRole('spinbutton', { name: 'Expires in (seconds)' }).fill('600');
      await expect(builder.urlOutput).toHaveValue(/[?&]ik-t=\d+&ik-s=[0-9a-f]{40}$/);
      await expect(builder.details).toContainText('400 × 300 px');
      await builder.region.getByRole('checkbox', { name: 'Signed URL' }).uncheck();
    });

    await test.step('paste real ik.imagekit.io URLs, path and query style: same steps, same outputs', async () => {
      // Both pastes fill in the same steps, so the steps and details cannot tell the second paste from the
      // first: the output itself is waited for (it is built again after each paste).
      const pastes: Array<[pasted: string, built: string]> = [
        ['https://ik.imagekit.io/demo/tr:w-300,h-200/Trip_2024/dunes.jpg', `${endpoint}/tr:w-300,h-200/Trip_2024/dunes.jpg`],
        ['https://ik.imagekit.io/demo/Trip_2024/dunes.jpg?tr=w-300,h-200', `${endpoint}/Trip_2024/dunes.jpg?tr=w-300,h-200`],
      ];
      for (const [pasted, built] of pastes) {
        await builder.paste(pasted);
        await expect(builder.pasteResult).toContainText('Filled in from another URL endpoint (https://ik.imagekit.io/demo)');
        await expect(builder.step('Step 1').getByLabel('Width', { exact: true })).toHaveValue('300');
        await expect(builder.step('Step 1').getByLabel('Height', { exact: true })).toHaveValue('200');
        await expect(builder.details).toContainText('300 × 200 px');
        await expect(builder.urlOutput).toHaveValue(built);
      }
    });

    await test.step('purge a URL and follow it to completion', async () => {
      await tab(page, 'Purge');
      const purge = page.getByRole('region', { name: 'Purge', exact: true });
      await purge.getByLabel('URLs to purge (one per line)').fill(`${endpoint}/Trip_2024/dunes.jpg`);
      await purge.getByRole('button', { name: 'Purge', exact: true }).click();
      await expect(purge.getByRole('list', { name: 'Purge requests' }).getByRole('listitem', { name: /1 URL, Completed$/ })).toHaveCount(2);
      await expect(purge.getByRole('meter', { name: 'Monthly purge quota' })).toHaveAttribute('aria-valuenow', '2');
    });

    await test.step('read a file’s metadata', async () => {
      await tab(page, 'Metadata tools');
      const tools = page.getByRole('region', { name: 'Metadata tools', exact: true });
      const form = tools.getByRole('form', { name: 'File metadata' });
      await form.getByLabel('File path').fill('/Trip_2024/dunes.jpg');
      await form.getByRole('button', { name: 'Show metadata' }).click();
      await expect(tools.getByRole('table', { name: 'Metadata of /Trip_2024/dunes.jpg' }).getByRole('row', { name: /Dimensions/ })).toContainText('640 × 480');
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
