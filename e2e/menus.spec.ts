import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { library } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

test('right-click and overflow menus list the actions with their shortcuts and run them', async ({ page, webHost }) => {
  const sdk = localLibrarySdk(webHost);
  await sdk.upload('/menus', 'alpha.png', { width: 60 });
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await lib.open('menus');
  await expect(lib.file('alpha.png')).toBeVisible();

  await test.step('a file: its right-click menu selects it, shows F2 beside Rename… and opens the dialog', async () => {
    await lib.file('alpha.png').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'File actions' });
    const rename = menu.getByRole('menuitem', { name: 'Rename…' });
    await expect(rename).toHaveAttribute('aria-keyshortcuts', 'F2');
    await expect(rename).toContainText('F2');
    await expect(menu.getByRole('menuitem', { name: 'Open in URL builder' })).toBeEnabled();
    await expect(menu.getByRole('separator').first()).toBeAttached();
    await expect(page.getByRole('status', { name: 'Selection' })).toContainText('1 selected');
    await rename.click();
    const dialog = page.getByRole('dialog', { name: 'Rename alpha.png' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('a tree item: its right-click menu is about that folder', async () => {
    await lib.folder('menus').click({ button: 'right', position: { x: 40, y: 10 } });
    const menu = page.getByRole('menu', { name: 'Folder actions' });
    await expect(menu.getByRole('menuitem', { name: 'New folder in menus…' })).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Delete folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete folder menus?' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('empty space in the file grid: its right-click menu is the open folder’s, named as such', async () => {
    const grid = lib.files;
    const box = (await grid.boundingBox())!;
    await grid.click({ button: 'right', position: { x: box.width - 24, y: box.height - 24 } });
    const menu = page.getByRole('menu', { name: 'Folder actions' });
    await expect(menu.getByRole('menuitem', { name: 'New folder in menus…' })).toBeVisible();
    await expect(page.getByRole('menu', { name: 'File actions' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });

  await test.step('the open folder: the overflow button opens the same actions, danger last', async () => {
    await page.getByRole('button', { name: 'More folder actions' }).click();
    const menu = page.getByRole('menu', { name: 'Folder actions' });
    await expect(menu.getByRole('menuitem').last()).toHaveText('Delete folder…');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });
});

test('the theme choice (System, Light, Dark) applies at once and is remembered', async ({ page, webHost }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new AppPage(page);
  await app.open(webHost.url);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();
  const pick = async (choice: string) => {
    await page.getByRole('button', { name: 'Theme' }).click();
    const item = page.getByRole('menu').getByRole('menuitemradio', { name: choice });
    await item.click();
    await page.getByRole('button', { name: 'Theme' }).click();
    await expect(page.getByRole('menu').getByRole('menuitemradio', { name: choice })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
  };

  await pick('Dark');
  await expect.poll(background).not.toBe(lightBackground);
  const darkBackground = await background();
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  expect(await background()).toBe(darkBackground);

  await pick('System');
  expect(await background()).toBe(lightBackground);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe(darkBackground);

  await pick('Light');
  expect(await background()).toBe(lightBackground);
});
