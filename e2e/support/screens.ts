import { expect, type Page } from '@playwright/test';

/** Waits until every image on the page has loaded (thumbnails and previews arrive lazily). */
export async function imagesSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => [...document.images].every((img) => img.complete)), { timeout: 15_000 })
    .toBe(true);
}

/** The Library's main regions, found by role and name as people and the acceptance checks find them. */
export function library(page: Page) {
  return {
    tree: page.getByRole('tree', { name: 'Folders' }),
    files: page.getByRole('grid', { name: 'Files' }),
    details: page.getByRole('complementary', { name: 'Details' }),
    uploads: page.getByRole('region', { name: 'Uploads' }),
    folder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }),
    open: (name: string) =>
      page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }).first().click({ position: { x: 40, y: 10 } }),
    file: (name: string) => page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true }),
  };
}

/** Opens /travel/2024 of the showcase library. */
export async function openShowcaseFolder(page: Page): Promise<void> {
  const lib = library(page);
  await lib.open('travel');
  await lib.open('2024');
  await expect(lib.file('dunes.jpg')).toBeVisible();
}
