import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

/**
 * The bulk editor over a large selection: only the rows in view are in the DOM (the grid "Metadata" says how
 * many there are), and the keyboard still reaches every row, scrolling it into view, where an edit is saved.
 */
test('bulk editor of 240 files: bounded rows, keyboard reaches the last row, its edit is saved', async ({ page, webHost }) => {
  test.slow();
  const lib = localLibrarySdk(webHost);
  const count = 240;
  const names = Array.from({ length: count }, (_, i) => `f${String(i).padStart(3, '0')}.txt`);
  for (let at = 0; at < count; at += 8) {
    await Promise.all(
      names.slice(at, at + 8).map(async (name) => lib.sdk.files.upload({ file: await toFile(Buffer.from(name), name), fileName: name, folder: '/many', useUniqueFileName: false })),
    );
  }
  await new AppPage(page).open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('many');
  await ui.selectAll(names[0]!);
  await ui.view('Custom metadata');
  const grid = ui.metadataGrid;
  await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 });
  const firstName = (await grid.getByRole('rowheader').first().textContent())!;
  const rendered = await grid.getByRole('rowheader').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80); // of 240

  // Rows follow the selection's order; the keyboard walks them from the first to the last.
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? null);
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
  await grid.getByRole('textbox', { name: `${firstName} Tags` }).click();
  for (let row = 2; row < count + 1; ) {
    await page.keyboard.press('PageDown');
    row = Math.min(count + 1, row + 10);
    await expect.poll(focusedRow).toBe(String(row));
  }
  await page.keyboard.press('ArrowUp');
  await expect.poll(focusedRow).toBe(String(count));
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe(String(count + 1));
  const label = (await focusedLabel())!;
  expect(label).toMatch(/^f\d{3}\.txt Tags$/);
  const last = label.replace(/ Tags$/, '');
  await page.keyboard.type('far-down');
  expect(await grid.getByRole('rowheader', { name: firstName, exact: true }).count()).toBe(0); // the first rows left the DOM

  await page.getByRole('button', { name: 'Save all changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 1 file.' })).toBeVisible();
  const [file] = (await lib.sdk.assets.list({ path: '/many', searchQuery: `name = "${last}"` })) as { tags: string[] | null }[];
  expect(file?.tags).toEqual(['far-down']);
});
