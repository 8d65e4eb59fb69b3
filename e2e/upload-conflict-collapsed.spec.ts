import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { dropFiles } from './support/uploads-helpers';

test.use({ viewport: { width: 1280, height: 800 } });

test('a file waiting for replace / keep both / skip is announced and decided with the upload list collapsed; the overwrite is suggested for purging', async ({
  page,
  webHost,
}) => {
  const lib = localLibrarySdk(webHost);
  await lib.sdk.files.upload({ file: await toFile(Buffer.from('old bytes'), 'same.txt'), fileName: 'same.txt', folder: '/conf', useUniqueFileName: false });
  await new AppPage(page).open(webHost.url);
  const region = page.getByRole('region', { name: 'Uploads' });
  const dialog = page.getByRole('dialog', { name: /^Upload/ });

  await dropFiles(page, [{ name: 'same.txt', content: Buffer.from('new bytes') }]);
  await dialog.getByLabel('Folder', { exact: true }).fill('/conf');
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The person folds the list away: the choice stays in view on the Uploads bar.
  const waiting = region.getByRole('group', { name: 'Every file that already exists' });
  await expect(waiting).toContainText('Waiting for your choice: same.txt already exists in /conf.');
  await region.getByRole('button', { name: 'Hide list' }).click();
  await expect(region.getByRole('list', { name: 'Upload queue' })).toBeHidden();
  await expect(waiting).toBeVisible();
  await expect(region.getByLabel('1 waiting for a choice')).toBeVisible();

  await waiting.getByRole('button', { name: 'Replace all' }).click();
  await expect(waiting).toBeHidden();
  await expect
    .poll(async () => {
      const [file] = (await lib.sdk.assets.list({ path: '/conf' })) as Array<{ url: string }>;
      return (await (await fetch(`${file!.url}?v=${Date.now()}`)).text()).trim();
    })
    .toBe('new bytes');

  // The overwrite shows up as a purge suggestion as soon as the Purge tab opens (no reload).
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Purge', exact: true }).click();
  const purge = page.getByRole('region', { name: 'Purge', exact: true });
  await expect(purge.getByRole('listitem', { name: 'Overwritten: /conf/same.txt' })).toBeVisible();
});
