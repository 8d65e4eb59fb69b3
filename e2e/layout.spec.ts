import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { seedShowcase } from './support/showcase-seed';
import { library, openShowcaseFolder } from './support/screens';
import { dropFiles } from './support/uploads-helpers';

const box = async (locator: Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
};

/** A dialog scrolls sideways when its content is wider than its box. */
async function expectNoSidewaysScroll(dialog: Locator) {
  await expect(dialog).toBeVisible();
  const { scrollWidth, clientWidth, right } = await dialog.evaluate((d) => ({ scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, right: d.getBoundingClientRect().right }));
  expect(scrollWidth, 'dialog content wider than the dialog').toBeLessThanOrEqual(clientWidth);
  expect(right).toBeLessThanOrEqual(await dialog.page().evaluate(() => window.innerWidth));
}

async function openLibrary(page: Page, webHost: Parameters<typeof seedShowcase>[0]) {
  await seedShowcase(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  await openShowcaseFolder(page);
  return app;
}

test('at 1280×800 with Details open the files keep at least 55% of the width and the grid shows 4+ columns', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page, webHost);
  const lib = library(page);
  await lib.file('harbour.jpg').click();
  await expect(lib.details.getByText('/travel/2024/harbour.jpg', { exact: true })).toBeVisible();

  const files = await box(lib.files);
  expect(files.width / 1280).toBeGreaterThanOrEqual(0.55);
  const tops = await lib.files.getByRole('gridcell').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(tops.filter((t) => t === tops[0]).length, 'tiles in the first row').toBeGreaterThanOrEqual(4);

  // Dragging the details pane wider cannot squeeze the files below 55% either.
  const separator = page.getByRole('separator', { name: 'Resize the details pane' });
  const sep = await box(separator);
  await page.mouse.move(sep.x + sep.width / 2, sep.y + sep.height / 2);
  await page.mouse.down();
  await page.mouse.move(200, sep.y + sep.height / 2, { steps: 8 });
  await page.mouse.up();
  expect((await box(lib.files)).width / 1280).toBeGreaterThanOrEqual(0.55);

  // The list view is readable at this width: every column is on screen and the names are not cut to nothing.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const name = await box(lib.files.getByRole('columnheader', { name: 'Name' }));
  const tags = await box(lib.files.getByRole('columnheader', { name: 'Tags' }));
  expect(name.width).toBeGreaterThanOrEqual(160);
  expect(tags.x + tags.width).toBeLessThanOrEqual(files.x + files.width + 1);
});

test('panes resize from the keyboard, collapse, and remember their sizes after a reload', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page, webHost);
  const lib = library(page);

  const separator = page.getByRole('separator', { name: 'Resize the folders pane' });
  const before = (await box(lib.tree)).width;
  await separator.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(lib.tree)).width).toBeGreaterThan(before + 20);
  const resized = (await box(lib.tree)).width;

  await page.getByRole('button', { name: 'Details pane' }).click();
  await expect(lib.details).toBeHidden();
  await expect(page.getByRole('button', { name: 'Details pane' })).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await expect(lib.tree).toBeVisible();
  await expect.poll(async () => Math.round((await box(lib.tree)).width)).toBe(Math.round(resized));
  await expect(lib.details).toBeHidden();
  await page.getByRole('button', { name: 'Details pane' }).click();
  await expect(lib.details).toBeVisible();
});

test('the Uploads drawer shows a count badge and never takes more than 40% of the height', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page, webHost);
  const uploads = library(page).uploads;
  const collapsed = await box(uploads);
  expect(collapsed.height).toBeLessThanOrEqual(48);

  await dropFiles(
    page,
    Array.from({ length: 30 }, (_, i) => ({ name: `note-${String(i).padStart(2, '0')}.txt`, content: Buffer.from(`note ${i}`) })),
  );
  const dialog = page.getByRole('dialog', { name: /^Upload/ });
  await dialog.getByLabel('Folder', { exact: true }).fill('/notes');
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(uploads.getByRole('button', { name: 'Hide list' })).toHaveAttribute('aria-expanded', 'true');
  // The list is virtualized: only the rows in view exist, so wait for uploaded rows, not for the last one.
  await expect(uploads.getByRole('listitem', { name: /^note-\d+\.txt: Uploaded/ }).first()).toBeAttached({ timeout: 30_000 });
  expect((await box(uploads)).height).toBeLessThanOrEqual(800 * 0.4 + 1);
  // The Files grid keeps most of the height meanwhile.
  expect((await box(library(page).files)).height).toBeGreaterThan(250);

  await uploads.getByRole('button', { name: 'Hide list' }).click();
  expect((await box(uploads)).height).toBeLessThanOrEqual(48);
});

test('toasts leave by themselves, sit above the Uploads bar and under dialogs', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page, webHost);
  const lib = library(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await lib.file('dunes.jpg').click();

  // Five quick actions: at most three toasts at a time, all above the Uploads bar's controls.
  for (let i = 0; i < 5; i += 1) await lib.details.getByRole('button', { name: 'Copy URL' }).click();
  const toasts = page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem');
  await expect(toasts).toHaveCount(3);
  const uploadsTop = (await box(lib.uploads)).y;
  for (const t of await toasts.all()) {
    const b = await box(t);
    expect(b.y + b.height).toBeLessThanOrEqual(uploadsTop);
  }

  // A dialog opened meanwhile covers them: the point under a toast belongs to the dialog's scrim.
  const first = await box(toasts.first());
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Rename…' }).click();
  await expect(page.getByRole('dialog', { name: 'Rename dunes.jpg' })).toBeVisible();
  const onTop = await page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    return { dialogOrScrim: Boolean(hit?.closest('[role="dialog"], .ui-dialog-scrim')), toast: Boolean(hit?.closest('li')) };
  }, { x: first.x + first.width / 2, y: first.y + first.height / 2 });
  expect(onTop).toEqual({ dialogOrScrim: true, toast: false });
  await page.keyboard.press('Escape');

  // And they go away without being dismissed (five seconds for a plain outcome).
  await expect(toasts).toHaveCount(0, { timeout: 12_000 });
  await expect(page.getByRole('status', { name: 'Last action' })).toHaveText('');
});

test('every dialog fits a 1024×640 window without scrolling sideways', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const app = await openLibrary(page, webHost);
  const lib = library(page);
  const fileActions = page.getByRole('toolbar', { name: 'File actions' });
  await lib.file('dunes.jpg').click();

  const check = async (open: () => Promise<void>, name: string | RegExp) => {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await expectNoSidewaysScroll(dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };

  await check(() => fileActions.getByRole('button', { name: 'Rename…' }).click(), 'Rename dunes.jpg');
  await check(() => fileActions.getByRole('button', { name: 'Copy to…' }).click(), 'Copy dunes.jpg');
  await check(() => fileActions.getByRole('button', { name: 'Delete…' }).click(), 'Delete dunes.jpg?');
  await check(() => lib.file('dunes.jpg').dblclick(), 'dunes.jpg');
  await check(() => page.getByRole('button', { name: 'New folder' }).click(), 'New folder');
  await check(() => page.getByRole('button', { name: 'Copy folder' }).click(), 'Copy folder 2024');
  await check(() => page.getByRole('button', { name: 'Delete folder' }).click(), 'Delete folder 2024?');
  await check(() => page.keyboard.press('Control+k'), 'Command palette');
  await check(() => dropFiles(page, [{ name: 'a.txt', content: Buffer.from('a') }]), /^Upload/);
  await check(() => library(page).uploads.getByRole('button', { name: 'Upload from URLs…' }).click(), 'Upload from URLs');
  await check(() => app.openNewProfile(), 'Profile');
});
