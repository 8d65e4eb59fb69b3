import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

async function importCsv(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  return page.getByRole('region', { name: 'CSV import report' });
}

test('CSV round trip: export, a bad file is reported and nothing is written, a good one is written and exports back the same', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await lib.sdk.customMetadataFields.create({ name: 'title', label: 'Title', schema: { type: 'Text', maxLength: 20 } });
  await lib.sdk.customMetadataFields.create({ name: 'price', label: 'Price', schema: { type: 'Number', minValue: 0, maxValue: 100 } });
  await lib.sdk.customMetadataFields.create({ name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'M', 'L'] } });
  await lib.sdk.customMetadataFields.create({ name: 'colours', label: 'Colours', schema: { type: 'MultiSelect', selectOptions: ['red', 'blue', 3] } });
  await lib.upload('/csv', 'a.png');
  await lib.upload('/csv', 'b.png');
  const [a, b] = (await lib.sdk.assets.list({ path: '/csv', sort: 'ASC_NAME' })) as Array<{ fileId: string }>;
  await lib.sdk.files.update(a!.fileId, { tags: ['one', 'two'], customMetadata: { title: 'Hello, "world"', price: 12.5, colours: ['red', 3] } });

  const app = new AppPage(page);
  await app.open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('csv');
  await ui.selectAll('a.png');
  await ui.view('Custom metadata');
  await expect(ui.metadataGrid.getByRole('rowheader')).toHaveText(['a.png', 'b.png']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const exported = await readFile(await (await download).path(), 'utf8');
  const lines = exported.split('\r\n');
  expect(lines[0]).toBe('fileId,filePath,tags,title,price,size,colours');
  expect(lines[1]).toBe(`${a!.fileId},/csv/a.png,"one, two","Hello, ""world""",12.5,,red|3`);
  expect(lines[2]).toBe(`${b!.fileId},/csv/b.png,,,,,`);

  // A bad value and an unknown file: reported line by line, and the write button stays off.
  const bad = [lines[0], `${b!.fileId},/csv/b.png,,Fine,500,XL,`, 'ffffffffffffffffffffffff,/csv/x.png,,,,,'].join('\r\n');
  let report = await importCsv(page, 'bad.csv', bad);
  await expect(report).toContainText('3 problems: nothing will be written until the file is fixed.');
  await expect(report.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    'Line 2, price: Price should be less than or equal to 100',
    'Line 2, size: Size should be one of "S", "M", "L"',
    'Line 3, fileId: No file with id ffffffffffffffffffffffff is open in the editor.',
  ]);
  await expect(report.getByRole('button', { name: 'Write changes' })).toBeDisabled();
  await report.getByRole('button', { name: 'Cancel import' }).click();
  expect(((await lib.sdk.files.get(b!.fileId)).customMetadata ?? {}) as object).toEqual({});

  // The good file changes b.png only; a.png's row is unchanged, so it is not written.
  const good = [lines[0], lines[1], `${b!.fileId},/csv/b.png,fresh,Harbour,7,L,blue`].join('\r\n');
  report = await importCsv(page, 'good.csv', good);
  await expect(report).toContainText('2 rows read. 1 file would change (5 values). No problems found.');
  await expect(report.getByRole('list', { name: 'Changes' })).toHaveText('/csv/b.png: title, price, size, colours, tags');
  await report.getByRole('button', { name: 'Write changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 file from CSV.' })).toBeVisible();
  const saved = await lib.sdk.files.get(b!.fileId);
  expect(saved.customMetadata).toEqual({ title: 'Harbour', price: 7, size: 'L', colours: ['blue'] });
  expect(saved.tags).toEqual(['fresh']);

  // Exporting again gives back exactly what was imported.
  await expect(ui.metadataGrid.getByRole('textbox', { name: 'b.png Price' })).toHaveValue('7');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect(await readFile(await (await again).path(), 'utf8')).toBe(good);
});
