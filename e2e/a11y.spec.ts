import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { seriousViolations } from './support/axe';
import { seedShowcase } from './support/showcase-seed';
import { library, openShowcaseFolder } from './support/screens';
import { dropFiles } from './support/uploads-helpers';

/**
 * A dialog to scan: its name in reports, how to open it, its accessible name, and optionally what shows
 * it has finished loading (a scan must not race a control that turns enabled while axe reads its colours).
 */
type Dialogs = Array<[string, () => Promise<unknown>, string | RegExp, ((dialog: Locator) => Promise<void>)?]>;

/**
 * Opens the showcase library in the OS theme `theme` (the app's theme choice is System) and checks that
 * the page really is drawn in it: the window background is dark exactly when the theme is.
 */
async function openIn(page: Page, webHost: Parameters<typeof seedShowcase>[0], theme: 'light' | 'dark') {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await seedShowcase(webHost);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 0, g = 0, b = 0] = (background.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  expect((r + g + b) / 3 < 128 ? 'dark' : 'light', `body background ${background}`).toBe(theme);
  return app;
}

for (const theme of ['light', 'dark'] as const) {
  // Two halves, so each stays well inside its time on a loaded machine (an axe pass takes 10-20 s there).
  const halves: Array<{ title: string; scanLibrary: boolean; dialogs: (page: Page, app: AppPage) => Dialogs }> = [
    {
      title: 'the Library and the file dialogs',
      scanLibrary: true,
      dialogs: (page) => {
        const fileActions = page.getByRole('toolbar', { name: 'File actions' });
        return [
          ['Rename', () => fileActions.getByRole('button', { name: 'Rename…' }).click(), 'Rename harbour.jpg'],
          ['Move', () => fileActions.getByRole('button', { name: 'Move to…' }).click(), 'Move harbour.jpg'],
          ['Delete', () => fileActions.getByRole('button', { name: 'Delete…' }).click(), 'Delete harbour.jpg?'],
          ['Preview', () => library(page).file('harbour.jpg').dblclick(), 'harbour.jpg'],
        ];
      },
    },
    {
      title: 'the folder, palette, upload and profile dialogs',
      scanLibrary: false,
      dialogs: (page, app) => [
        ['New folder', () => page.getByRole('button', { name: 'New folder' }).click(), 'New folder'],
        // Its Delete button waits for the folder's file count before it is enabled.
        ['Delete folder', () => page.getByRole('button', { name: 'Delete folder' }).click(), 'Delete folder 2024?', (d) => expect(d.getByRole('button', { name: 'Delete folder' })).toBeEnabled()],
        ['Command palette', () => page.keyboard.press('Control+k'), 'Command palette'],
        ['Upload', () => dropFiles(page, [{ name: 'a.txt', content: Buffer.from('a') }]), /^Upload/],
        ['Upload from URLs', () => library(page).uploads.getByRole('button', { name: 'Upload from URLs…' }).click(), 'Upload from URLs'],
        ['Profile', () => app.openNewProfile(), 'Profile'],
      ],
    },
  ];
  for (const half of halves) {
    test(`${half.title} have no serious or critical accessibility violation (${theme})`, async ({ page, webHost }) => {
      test.setTimeout(240_000);
      const app = await openIn(page, webHost, theme);
      const lib = library(page);
      const found: string[] = [];

      await openShowcaseFolder(page);
      await lib.file('harbour.jpg').click();
      await expect(lib.details.getByRole('img', { name: 'Preview of harbour.jpg' })).toBeVisible();
      if (half.scanLibrary) {
        found.push(...(await seriousViolations(page, 'Library (grid)')));
        await page.getByRole('button', { name: 'List', exact: true }).click();
        await expect(lib.files.getByRole('columnheader', { name: 'Dimensions' })).toBeVisible();
        found.push(...(await seriousViolations(page, 'Library (list)')));
        await page.getByRole('button', { name: 'Grid', exact: true }).click();
      }

      for (const [name, open, dialogName, settled] of half.dialogs(page, app)) {
        await open();
        const dialog = page.getByRole('dialog', { name: dialogName });
        await expect(dialog).toBeVisible();
        await settled?.(dialog);
        found.push(...(await seriousViolations(page, `${name} dialog`, '[role="dialog"]')));
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      expect(found).toEqual([]);
    });
  }

  test(`every other tab has no serious or critical accessibility violation (${theme})`, async ({ page, webHost }) => {
    test.setTimeout(240_000);
    await openIn(page, webHost, theme);
    const found: string[] = [];
    for (const tab of ['URL builder', 'Purge', 'Metadata tools', 'Custom metadata']) {
      await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      await expect(page.getByRole('tabpanel', { name: tab }).getByText(/^Loading /)).toHaveCount(0);
      found.push(...(await seriousViolations(page, `${tab} tab`)));
    }
    expect(found).toEqual([]);
  });

  test(`the first-run screen and the menus have no serious or critical accessibility violation (${theme})`, async ({ page, webHost }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await new AppPage(page).open(webHost.url);
    const found: string[] = [];
    await expect(page.getByRole('region', { name: 'Getting started' })).toBeVisible();
    found.push(...(await seriousViolations(page, 'First run')));

    const menus: Array<[string, () => Promise<unknown>, string]> = [
      ['Folder context menu', () => library(page).folder('Library').click({ button: 'right', position: { x: 40, y: 10 } }), 'Folder actions'],
      ['Folder overflow menu', () => page.getByRole('button', { name: 'More folder actions' }).click(), 'Folder actions'],
      ['Theme menu', () => page.getByRole('button', { name: 'Theme' }).click(), 'Theme'],
    ];
    for (const [name, open, label] of menus) {
      await open();
      const menu = page.getByRole('menu', { name: label });
      await expect(menu).toBeVisible();
      found.push(...(await seriousViolations(page, name, '[role="menu"]')));
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    }
    expect(found).toEqual([]);

    // The scanner itself finds what it must: an icon button without a name is a critical finding.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'unnamed-probe' })));
    expect((await seriousViolations(page, 'Probe', '#unnamed-probe')).join('\n')).toMatch(/^Probe: button-name \(critical\)/);
  });
}
