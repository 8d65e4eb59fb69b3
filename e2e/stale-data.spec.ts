import sharp from 'sharp';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { dropFiles } from './support/uploads-helpers';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer();

test('a field created in Custom metadata is offered by the next upload without a reload', async ({ page, webHost }) => {
  await new AppPage(page).open(webHost.url);
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  // An upload first: the dialog has read the (empty) field list once.
  await dropFiles(page, [{ name: 'first.png', content: await png(), type: 'image/png' }]);
  await expect(dialog.getByText('This account has no custom metadata fields.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Custom metadata', exact: true }).click();
  await page.getByRole('button', { name: 'New field' }).click();
  const form = page.getByRole('form', { name: 'New field' });
  await form.getByLabel('Name', { exact: true }).fill('shoot');
  await form.getByLabel('Label', { exact: true }).fill('Shoot');
  await form.getByLabel('Type', { exact: true }).selectOption('Text');
  await form.getByRole('button', { name: 'Create field' }).click();
  await expect(page.getByRole('table', { name: 'Fields' }).getByRole('rowheader', { name: 'Shoot', exact: true })).toBeVisible();

  await dropFiles(page, [{ name: 'second.png', content: await png(), type: 'image/png' }]);
  await dialog.getByLabel('Folder', { exact: true }).fill('/fresh');
  await dialog.getByLabel('Shoot').fill('spring');
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(dialog).toBeHidden();
  const lib = localLibrarySdk(webHost);
  await expect
    .poll(async () => {
      const [file] = (await lib.sdk.assets.list({ path: '/fresh' })) as Array<{ fileId: string }>;
      return file ? (await lib.sdk.files.get(file.fileId)).customMetadata : undefined;
    })
    .toEqual({ shoot: 'spring' });
});

test('tags given at upload are suggested at once, though a tag input was opened on the empty library before', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/t', 'plain.png');
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await lib.open('t');
  await lib.file('plain.png').click();
  const tags = lib.details.getByRole('region', { name: 'Tags' });
  const input = tags.getByRole('combobox', { name: 'Add tags' });
  await input.fill('hol');
  await expect(tags.getByRole('listbox', { name: 'Tag suggestions' })).toBeHidden(); // nothing tagged yet

  await dropFiles(page, [{ name: 'tagged.png', content: await png(), type: 'image/png' }]);
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  await dialog.getByLabel('Folder', { exact: true }).fill('/t');
  await dialog.getByLabel('Tags', { exact: true }).fill('holiday, beach');
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(lib.file('tagged.png')).toBeVisible({ timeout: 20_000 });

  await lib.file('plain.png').click();
  await input.fill('hol');
  await expect(tags.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option')).toHaveText(['holiday (1)']);
});
