import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';
import { dropFiles } from './support/uploads-helpers';

test.use({ viewport: { width: 1280, height: 800 } });

const lastAction = (page: Page) => page.getByRole('status', { name: 'Last action' });

async function seedAndOpen(page: Page, webHost: Parameters<typeof localLibrarySdk>[0], folder: string, names: string[]) {
  const sdk = localLibrarySdk(webHost);
  for (const [i, name] of names.entries()) await sdk.upload(`/${folder}`, name, { width: 40 + i * 10 });
  await new AppPage(page).open(webHost.url);
  await library(page).open(folder);
  await expect(library(page).file(names[0]!)).toBeVisible();
  return sdk;
}

test('a created folder whose name ImageKit changed is reported under its real name, with the reason', async ({ page, webHost }) => {
  await new AppPage(page).open(webHost.url);
  await page.getByRole('button', { name: 'New folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  await dialog.getByLabel('Folder name').fill('Holiday Photos');
  await expect(dialog).toContainText('It will be named Holiday_Photos.');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(lastAction(page)).toContainText('Created the folder Holiday_Photos. ImageKit keeps only letters, digits, - and _ in folder names, so “Holiday Photos” became “Holiday_Photos”.');
  await expect(library(page).folder('Holiday_Photos')).toBeVisible();
});

test('auto-tagging in the Local library is switched off and says it needs an ImageKit account', async ({ page, webHost }) => {
  await new AppPage(page).open(webHost.url);
  await dropFiles(page, [{ name: 'a.txt', content: Buffer.from('a') }]);
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  for (const name of ['Google auto-tagging', 'AWS auto-tagging']) {
    const box = dialog.getByRole('checkbox', { name, exact: true });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(/needs an ImageKit account profile/);
  }
});

test('restoring a version asks first; Cancel changes nothing', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/art', 'v.png', { color: [200, 0, 0] });
  await sdk.upload('/art', 'v.png', { color: [0, 0, 200] });
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await lib.open('art');
  await lib.file('v.png').click();
  const versions = lib.details.getByRole('region', { name: 'Versions' });
  const history = versions.getByRole('table', { name: 'Version history' });
  await expect(history.getByRole('rowheader')).toHaveText(['Version 2 (current)', 'Version 1']);

  await versions.getByRole('button', { name: 'Restore Version 1' }).click();
  const confirm = versions.getByRole('alertdialog', { name: 'Restore Version 1' });
  await expect(confirm).toContainText('Make Version 1');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(history.getByRole('rowheader')).toHaveText(['Version 2 (current)', 'Version 1']);

  await versions.getByRole('button', { name: 'Restore Version 1' }).click();
  await confirm.getByRole('button', { name: 'Restore version' }).click();
  await expect(versions.getByRole('status', { name: 'Restore result' })).toContainText('Version 1 is the current version again.');
});

test('name search follows the typing without Enter; Escape clears the selection; list headers sort', async ({ page, webHost }) => {
  await seedAndOpen(page, webHost, 'mix', ['beta.png', 'alpha.png', 'gamma.png']);
  const lib = library(page);

  await test.step('Escape clears the selection', async () => {
    await lib.file('alpha.png').click();
    await expect(page.getByRole('status', { name: 'Selection' })).toContainText('1 selected');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('status', { name: 'Selection' })).not.toContainText('selected');
  });

  await test.step('as-you-type name search', async () => {
    await page.getByRole('search', { name: 'Library search' }).getByRole('searchbox', { name: 'Search' }).pressSequentially('amm', { delay: 30 });
    await expect(lib.files.getByRole('gridcell')).toHaveCount(1);
    await expect(lib.file('gamma.png')).toBeVisible();
    await page.getByRole('search', { name: 'Library search' }).getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(lib.files.getByRole('gridcell')).toHaveCount(3);
  });

  await test.step('list column headers sort', async () => {
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const name = lib.files.getByRole('columnheader', { name: 'Name' });
    await name.getByRole('button').click();
    await expect(name).toHaveAttribute('aria-sort', 'ascending');
    await expect(lib.files.getByRole('gridcell').filter({ hasText: /\.png$/ })).toHaveText([/alpha/, /beta/, /gamma/]);
    await name.getByRole('button').click();
    await expect(name).toHaveAttribute('aria-sort', 'descending');
    await expect(lib.files.getByRole('gridcell').filter({ hasText: /\.png$/ })).toHaveText([/gamma/, /beta/, /alpha/]);
  });
});

test('people read "Single select", not ImageKit\'s type name; deleting one file speaks of "its versions"', async ({ page, webHost }) => {
  const sdk = await seedAndOpen(page, webHost, 'one', ['only.png']);
  await sdk.sdk.customMetadataFields.create({ name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'M'] } });

  await library(page).file('only.png').click();
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete only.png?' });
  await expect(confirm).toContainText('The file');
  await expect(confirm).toContainText('and all its versions are deleted');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Custom metadata', exact: true }).click();
  const row = page.getByRole('table', { name: 'Fields' }).getByRole('row', { name: /Size/ });
  await expect(row).toContainText('Single select');
  await expect(row).not.toContainText('SingleSelect');
});
