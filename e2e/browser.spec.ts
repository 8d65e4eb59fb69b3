import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import type { Page } from '@playwright/test';

/** A small nested library: /trips/2024/{beach,dunes,harbour}.png, /trips/summary.png, /docs/readme.png. */
async function seed(webHost: Parameters<typeof localLibrarySdk>[0]) {
  const lib = localLibrarySdk(webHost);
  await lib.upload('/trips/2024', 'beach.png', { color: [200, 180, 60] });
  await lib.upload('/trips/2024', 'dunes.png', { color: [220, 160, 90] });
  await lib.upload('/trips/2024', 'harbour.png', { color: [30, 90, 160] });
  await lib.upload('/trips', 'summary.png');
  await lib.upload('/docs', 'readme.png');
  return lib;
}

const ui = (page: Page) => ({
  tree: page.getByRole('tree', { name: 'Folders' }),
  files: page.getByRole('grid', { name: 'Files' }),
  details: page.getByRole('complementary', { name: 'Details' }),
  search: page.getByRole('searchbox', { name: 'Search' }),
  folder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }),
  /** Clicks a folder's own row: the middle of an expanded tree item is one of its children. */
  open: (name: string, nth = 0) =>
    page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }).nth(nth).click({ position: { x: 24, y: 8 } }),
  file: (name: string) => page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true }),
  lastAction: page.getByRole('status', { name: 'Last action' }),
});

test('browse nested folders through the tree and the breadcrumb, with details and thumbnails', async ({ page, webHost }) => {
  await seed(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);

  await b.open('trips');
  await expect(b.file('summary.png')).toBeVisible();
  await expect(b.folder('trips')).toHaveAttribute('aria-selected', 'true');
  await b.open('2024');
  await expect(b.files.getByRole('gridcell')).toHaveCount(3);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText(/Library.*trips.*2024/);

  // Thumbnails come through a transformation URL sized for the device pixel ratio, and really load.
  const thumb = b.file('beach.png').locator('img');
  await expect(thumb).toHaveAttribute('src', /tr=w-\d+,h-\d+,c-at_max/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await b.file('harbour.png').click();
  await expect(b.details.getByText('/trips/2024/harbour.png', { exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Selection' })).toContainText('1 selected');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await b.details.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(b.lastAction).toContainText('Copied the Markdown.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^!\[harbour\]\(http:\/\/127\.0\.0\.1:\d+\/local\/trips\/2024\/harbour\.png\?updatedAt=\d+\)$/);

  // Download the original: in the web host the browser saves it.
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('harbour.png');

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Library' }).click();
  await expect(b.files.getByRole('gridcell')).toHaveCount(0);
  await expect(page.getByText('This folder has no files.')).toBeVisible();

  await page.getByRole('button', { name: 'List', exact: true }).click();
  await b.open('docs');
  await expect(b.files.getByRole('columnheader', { name: 'Dimensions' })).toBeVisible();
  await expect(b.files.getByRole('gridcell', { name: '64 × 48' })).toBeVisible();
});

test('a searchQuery finds files, a bad one shows ImageKit’s message inline, and name search matches substrings', async ({ page, webHost }) => {
  await seed(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);

  await page.getByRole('combobox', { name: 'Search by' }).selectOption('query');
  await page.getByRole('combobox', { name: 'Search in' }).selectOption('library');
  await b.search.fill('name : "dun" OR name = "readme.png"');
  await b.search.press('Enter');
  await expect(b.file('dunes.png')).toBeVisible();
  await expect(b.file('readme.png')).toBeVisible();
  await expect(b.files.getByRole('gridcell')).toHaveCount(2);

  await b.search.fill('name = ');
  await b.search.press('Enter');
  const error = page.getByRole('search').getByRole('alert');
  await expect(error).toContainText('ImageKit rejected the query:');
  await expect(b.search).toHaveAttribute('aria-invalid', 'true');
  await expect(b.search).toHaveValue('name = ');

  // Name search: substring, case-insensitive, from the local index once the library is indexed.
  await page.getByRole('button', { name: 'Index library' }).click();
  await expect(b.lastAction).toContainText('Indexed 5 file names.');
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('name');
  await b.search.fill('ARBO');
  await b.search.press('Enter');
  await expect(b.file('harbour.png')).toBeVisible();
  await expect(b.files.getByRole('gridcell')).toHaveCount(1);
  await expect(page.getByText(/^Searched 5 names indexed/)).toBeVisible();
});

test('rename a file, and move files by dragging them onto a folder in the tree', async ({ page, webHost }) => {
  await seed(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);
  await b.open('trips');
  await b.open('2024');

  await b.file('beach.png').click();
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename beach.png' });
  await expect(dialog.getByText('Links to the old URL stop working')).toBeVisible();
  await dialog.getByLabel('New name').fill('sand.png');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(b.file('sand.png')).toBeVisible();
  await expect(b.file('beach.png')).toHaveCount(0);

  await b.file('sand.png').click();
  await b.file('dunes.png').click({ modifiers: ['Control'] });
  await b.file('dunes.png').dragTo(b.folder('docs'), { targetPosition: { x: 24, y: 8 } });
  await expect(b.lastAction).toContainText('Moved 2 of 2 to docs.');
  await expect(b.files.getByRole('gridcell')).toHaveCount(1);
  await b.open('docs');
  await expect(b.file('sand.png')).toBeVisible();
  await expect(b.file('dunes.png')).toBeVisible();
});

test('copy a folder as a bulk job and watch it finish; bulk delete with confirmation', async ({ page, webHost }) => {
  await seed(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);

  await b.open('trips');
  await page.getByRole('button', { name: 'Copy folder' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy folder trips' });
  await copy.getByLabel('Destination folder').fill('/docs');
  await copy.getByRole('button', { name: 'Copy here' }).click();
  await expect(b.lastAction).toContainText('Copying folder trips to /docs finished.');
  await b.open('docs');
  // /docs/trips, inside the docs item (its children load lazily, so wait for it rather than count positions).
  await b.folder('docs').getByRole('treeitem', { name: 'trips', exact: true }).click({ position: { x: 24, y: 8 } });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText(/docs.*trips/);
  await expect(b.file('summary.png')).toBeVisible();

  // Deleting a folder first says what it affects.
  await page.getByRole('button', { name: 'Delete folder' }).click();
  const deleteFolder = page.getByRole('dialog', { name: 'Delete folder trips?' });
  await expect(deleteFolder).toContainText('This deletes 4 files and 1 subfolder in /docs/trips');
  await deleteFolder.getByRole('button', { name: 'Delete folder' }).click();
  await expect(b.lastAction).toContainText('Deleted the folder trips.');
  await expect(b.folder('trips')).toHaveCount(1);

  await b.open('trips');
  await b.open('2024');
  await b.files.focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('status', { name: 'Selection' })).toContainText('3 selected');
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 files?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(b.lastAction).toContainText('Deleted 3 files.');
  await expect(page.getByText('This folder has no files.')).toBeVisible();
});

test('keyboard only: open, rename and delete a file', async ({ page, webHost }) => {
  await seed(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const b = ui(page);

  // Into the tree and down to /trips/2024 without the mouse.
  await expect(b.folder('trips')).toBeVisible(); // a person waits for the tree to show its folders
  await b.folder('Library').focus();
  await page.keyboard.press('ArrowDown'); // docs
  await page.keyboard.press('ArrowDown'); // trips
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight'); // expands trips
  await expect(b.folder('2024')).toBeVisible();
  await page.keyboard.press('ArrowRight'); // 2024
  await expect(b.folder('2024')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(b.files.getByRole('gridcell')).toHaveCount(3);

  await b.files.focus();
  await expect(b.file('beach.png')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(b.file('dunes.png')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: 'dunes.png' });
  await expect(preview.getByRole('img', { name: 'Preview of dunes.png' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(b.files).toBeFocused();

  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename dunes.png' });
  await expect(rename.getByLabel('New name')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('hills.png');
  await page.keyboard.press('Enter');
  await expect(b.file('hills.png')).toBeVisible();

  await b.files.focus();
  await page.keyboard.press('End');
  await expect(b.file('harbour.png')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete harbour.png?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(b.lastAction).toContainText('Deleted 1 file.');
  await expect(b.files.getByRole('gridcell')).toHaveCount(2);
});
