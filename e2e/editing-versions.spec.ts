import sharp from 'sharp';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';

async function firstPixel(url: string): Promise<[number, number, number]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const { data } = await sharp(Buffer.from(await response.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}

test('three versions by overwriting: compare two, restore the first and see it served, then purge its URL', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  // Version 1 red, Version 2 green, Version 3 (current) blue.
  await lib.upload('/art', 'swatch.png', { color: [220, 20, 20] });
  await lib.upload('/art', 'swatch.png', { color: [20, 200, 20] });
  await lib.upload('/art', 'swatch.png', { color: [20, 20, 220] });

  const app = new AppPage(page);
  await app.open(webHost.url);
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'art', exact: true }).click({ position: { x: 24, y: 8 } });
  await page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name: 'swatch.png', exact: true }).click();

  const versions = page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Versions' });
  const history = versions.getByRole('table', { name: 'Version history' });
  await expect(history.getByRole('row')).toHaveCount(4); // header + 3 versions
  await expect(history.getByRole('rowheader')).toHaveText(['Version 3 (current)', 'Version 2', 'Version 1']);
  await expect(history.getByRole('cell', { name: '64 × 48' })).toHaveCount(3);

  // Preview an old version through its ik-obj-version URL.
  await versions.getByRole('button', { name: 'Preview Version 1' }).click();
  const preview = versions.getByRole('img', { name: 'Version 1 preview' });
  await expect(preview).toHaveAttribute('src', /ik-obj-version=/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);

  // Compare Version 1 with Version 3: side by side, swipe, pixel difference and metadata diff.
  await versions.getByRole('checkbox', { name: 'Compare Version 1' }).check();
  await versions.getByRole('checkbox', { name: 'Compare Version 3' }).check();
  const compare = versions.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('img', { name: 'Version 1', exact: true })).toBeVisible();
  await expect(compare.getByRole('img', { name: 'Version 3', exact: true })).toBeVisible();
  await expect(compare.getByRole('status', { name: 'Pixel difference summary' })).toHaveText('100% of pixels differ (3,072 of 3,072).');
  await compare.getByRole('slider', { name: 'Swipe position' }).fill('20');
  await expect(compare.getByRole('table', { name: 'Metadata differences' }).getByRole('rowheader', { name: 'updatedAt' })).toBeVisible();

  // Restore Version 1: it becomes current, the file URL serves red again, and a purge is offered.
  await versions.getByRole('button', { name: 'Restore Version 1' }).click();
  await versions.getByRole('alertdialog', { name: 'Restore Version 1' }).getByRole('button', { name: 'Restore version' }).click();
  const outcome = versions.getByRole('status', { name: 'Restore result' });
  await expect(outcome).toContainText('Version 1 is the current version again.');
  const file = (await lib.sdk.assets.list({ path: '/art' })).find((f) => f.type === 'file' && f.name === 'swatch.png') as { url: string };
  const [r, g, b] = await firstPixel(file.url);
  expect(r).toBeGreaterThan(200);
  expect(g + b).toBeLessThan(60);
  await outcome.getByRole('button', { name: 'Purge cached URL' }).click();
  await expect(outcome).toContainText('Purge requested for');

  // Delete a non-current version, with a confirmation first.
  // The restored version keeps its name and is listed as current.
  await expect(history.getByRole('rowheader')).toHaveText(['Version 1 (current)', 'Version 3', 'Version 2']);
  await versions.getByRole('button', { name: 'Delete Version 2' }).click();
  const confirm = versions.getByRole('alertdialog', { name: 'Delete Version 2' });
  await confirm.getByRole('button', { name: 'Delete version' }).click();
  await expect(history.getByRole('rowheader')).toHaveText(['Version 1 (current)', 'Version 3']);
  await expect(versions.getByRole('button', { name: 'Delete Version 1' })).toHaveCount(0);
});
