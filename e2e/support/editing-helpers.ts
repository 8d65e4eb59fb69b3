import type { Page } from '@playwright/test';

/** Locators and steps the editing specs share (roles and accessible names only). */
export const editingUi = (page: Page) => ({
  files: page.getByRole('grid', { name: 'Files' }),
  details: page.getByRole('complementary', { name: 'Details' }),
  metadataGrid: page.getByRole('grid', { name: 'Metadata' }),
  async openFolder(name: string) {
    await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }).click({ position: { x: 24, y: 8 } });
  },
  file(name: string) {
    return page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true });
  },
  async selectAll(firstName: string) {
    await this.file(firstName).click();
    await page.keyboard.press('ControlOrMeta+a');
  },
  async view(name: 'Library' | 'Custom metadata') {
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true }).click();
  },
});
