import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

/** Width in CSS px of a list column, measured on its header cell. */
async function headerWidth(page: import('@playwright/test').Page, name: string): Promise<number> {
  const box = await library(page).files.getByRole('columnheader', { name, exact: true }).boundingBox();
  return Math.round(box?.width ?? -1);
}

test('list columns resize by keyboard and by pointer, and keep their widths after a reload', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  for (const name of ['alpha.png', 'beta.png']) await sdk.upload('/cols', name, { width: 60 });
  const app = new AppPage(page);
  await app.open(webHost.url);
  const lib = library(page);
  await lib.open('cols');
  await expect(lib.file('alpha.png')).toBeVisible();
  await page.getByRole('button', { name: 'List', exact: true }).click();

  const size = lib.files.getByRole('separator', { name: 'Resize Size column' });
  const selection = page.getByRole('status', { name: 'Selection' });

  await test.step('every column edge is a named, focusable separator with its width as value', async () => {
    for (const column of ['Name', 'Type', 'Size', 'Dimensions', 'Created', 'Updated', 'Tags']) {
      const edge = lib.files.getByRole('separator', { name: `Resize ${column} column` });
      await expect(edge).toHaveAttribute('aria-orientation', 'vertical');
      const value = Number(await edge.getAttribute('aria-valuenow'));
      // Name stretches into what is left, so its value is its narrowest width; the others are exact.
      if (column === 'Name') expect(await headerWidth(page, column)).toBeGreaterThanOrEqual(value);
      else expect(await headerWidth(page, column)).toBe(value);
    }
    await expect(size).toHaveAttribute('aria-valuenow', '72');
    expect(await headerWidth(page, 'Size')).toBe(72);
    // Tab walks in reading order: the Size header's sort button, then its edge; Enter on the button sorts.
    await lib.files.getByRole('separator', { name: 'Resize Type column' }).focus();
    await page.keyboard.press('Tab');
    const sizeHeader = lib.files.getByRole('columnheader', { name: 'Size' });
    await expect(sizeHeader.getByRole('button', { name: 'Size' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(sizeHeader).toHaveAttribute('aria-sort', 'descending');
    await page.keyboard.press('Tab');
    await expect(size).toBeFocused();
  });

  await test.step('arrow keys resize, Shift in bigger steps, Home and End to the bounds; the selection stays', async () => {
    await expect(selection).not.toContainText('selected');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(size).toHaveAttribute('aria-valuenow', '88');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(size).toHaveAttribute('aria-valuenow', '128');
    await page.keyboard.press('ArrowLeft');
    await expect(size).toHaveAttribute('aria-valuenow', '120');
    expect(await headerWidth(page, 'Size')).toBe(120);
    await page.keyboard.press('Home');
    await expect(size).toHaveAttribute('aria-valuenow', '48');
    await page.keyboard.press('End');
    await expect(size).toHaveAttribute('aria-valuenow', '600');
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await expect(size).toHaveAttribute('aria-valuenow', '88');
    // Keys meant for the files (Enter opens, Delete deletes) do nothing on an edge.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(selection).not.toContainText('selected');
  });

  await test.step('dragging an edge resizes its column', async () => {
    const type = lib.files.getByRole('separator', { name: 'Resize Type column' });
    await expect(type).toHaveAttribute('aria-valuenow', '64');
    const box = (await type.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(type).toHaveAttribute('aria-valuenow', '94');
    expect(await headerWidth(page, 'Type')).toBe(94);
  });

  await test.step('the widths are remembered', async () => {
    await page.reload();
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
    await lib.open('cols');
    await expect(lib.file('alpha.png')).toBeVisible();
    if (!(await size.isVisible())) await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(size).toHaveAttribute('aria-valuenow', '88');
    await expect(lib.files.getByRole('separator', { name: 'Resize Type column' })).toHaveAttribute('aria-valuenow', '94');
    expect(await headerWidth(page, 'Size')).toBe(88);
  });
});
