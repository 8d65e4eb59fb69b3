import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

test('add and remove tags in bulk for a selection, with autocomplete from the library’s tags', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  for (const name of ['a.png', 'b.png', 'c.png']) await lib.upload('/tags', name);
  await lib.upload('/other', 'tagged.png');
  const [tagged] = await lib.sdk.assets.list({ path: '/other' });
  await lib.sdk.files.update((tagged as { fileId: string }).fileId, { tags: ['summertime'] });

  const app = new AppPage(page);
  await app.open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('tags');
  await ui.selectAll('a.png');
  await expect(page.getByRole('status', { name: 'Selection' })).toContainText('3 selected');
  await ui.view('Custom metadata');

  await expect(ui.metadataGrid.getByRole('rowheader')).toHaveText(['a.png', 'b.png', 'c.png']);
  const bulkTags = page.getByRole('combobox', { name: 'Tags for all rows' });
  await bulkTags.fill('summ');
  await expect(page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option')).toHaveText(['summertime (1)']);
  await bulkTags.fill('summer, beach');
  await page.getByRole('button', { name: 'Add to 3 files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added summer, beach to 3 files.' })).toBeVisible();
  for (const name of ['a.png', 'b.png', 'c.png']) {
    await expect(ui.metadataGrid.getByRole('textbox', { name: `${name} Tags` })).toHaveValue('summer, beach');
  }

  await bulkTags.fill('beach');
  await page.getByRole('button', { name: 'Remove from 3 files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed beach from 3 files.' })).toBeVisible();
  for (const name of ['a.png', 'b.png', 'c.png']) {
    await expect(ui.metadataGrid.getByRole('textbox', { name: `${name} Tags` })).toHaveValue('summer');
  }
  const listed = await lib.sdk.assets.list({ path: '/tags' });
  expect(listed.map((f) => (f as { tags?: string[] }).tags)).toEqual([['summer'], ['summer'], ['summer']]);

  // One file's tags in the Details panel: add with autocomplete, remove one.
  await ui.view('Library');
  await ui.file('b.png').click();
  const tags = ui.details.getByRole('region', { name: 'Tags' });
  const input = tags.getByRole('combobox', { name: 'Add tags' });
  await input.fill('summert');
  await tags.getByRole('option', { name: 'summertime (1)' }).click();
  await expect(input).toHaveValue('summertime, ');
  await input.press('Enter');
  await expect(tags.getByRole('list', { name: 'File tags' }).getByRole('listitem')).toHaveText(['summer×', 'summertime×']);
  await tags.getByRole('button', { name: 'Remove tag summer', exact: true }).click();
  await expect(tags.getByRole('list', { name: 'File tags' }).getByRole('listitem')).toHaveText(['summertime×']);
});
