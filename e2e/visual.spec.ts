import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { seedShowcase } from './support/showcase-seed';
import { imagesSettled, library, openShowcaseFolder } from './support/screens';
import { dropFiles } from './support/uploads-helpers';

/*
 * Visual snapshots of the main screens and dialogs at 1280×800 and 1920×1080, light and dark. The
 * data is fixed (the showcase library), motion is off, dates are hidden (they are the run's own), and
 * the mouse rests in a corner so no hover state or tooltip is caught.
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const themes = ['light', 'dark'] as const;

/** Hides what differs between runs through a constructable stylesheet (an injected <style> would break the CSP). */
async function steadyPage(page: Page) {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, readFileSync(fileURLToPath(new URL('./support/visual-snapshot.css', import.meta.url)), 'utf8'));
}

async function shot(page: Page, name: string) {
  await page.mouse.move(2, 2);
  await imagesSettled(page);
  await expect(page).toHaveScreenshot(`${name}.png`, {
    animations: 'disabled',
    caret: 'hide',
    maxDiffPixelRatio: 0.01,
  });
}

for (const size of sizes) {
  for (const theme of themes) {
    test(`main screens and dialogs at ${size.width}×${size.height}, ${theme}`, async ({ page, webHost }) => {
      test.setTimeout(120_000);
      const tag = `${size.width}x${size.height}-${theme}`;
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await seedShowcase(webHost);
      const app = new AppPage(page);
      await app.open(webHost.url);
      await steadyPage(page);
      const lib = library(page);

      await openShowcaseFolder(page);
      await lib.file('harbour.jpg').click();
      await expect(lib.details.getByRole('img', { name: 'Preview of harbour.jpg' })).toBeVisible();
      await expect(lib.details.getByText(/^Version 1 of 1$/)).toBeVisible();
      await shot(page, `library-grid-${tag}`);

      await page.getByRole('button', { name: 'List', exact: true }).click();
      await expect(lib.files.getByRole('columnheader', { name: 'Dimensions' })).toBeVisible();
      await shot(page, `library-list-${tag}`);
      await page.getByRole('button', { name: 'Grid', exact: true }).click();

      await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'Rename…' }).click();
      await expect(page.getByRole('dialog', { name: 'Rename harbour.jpg' })).toBeVisible();
      await shot(page, `dialog-rename-${tag}`);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      await shot(page, `command-palette-${tag}`);
      await page.keyboard.press('Escape');

      await dropFiles(page, [{ name: 'new-shot.jpg', content: Buffer.from('not really a jpeg'), type: 'image/jpeg' }]);
      const upload = page.getByRole('dialog', { name: /^Upload/ });
      await expect(upload.getByRole('button', { name: 'Upload', exact: true })).toBeVisible();
      await shot(page, `dialog-upload-${tag}`);
      await upload.getByRole('button', { name: 'Cancel' }).click();

      await app.openNewProfile();
      await shot(page, `dialog-profile-${tag}`);
      await app.closeDialog();

      for (const [tab, region] of [
        ['URL builder', 'URL builder'],
        ['Purge', 'Purge'],
        ['Metadata tools', 'Metadata tools'],
        ['Custom metadata', 'Selected files'],
      ] as const) {
        await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('region', { name: region }).first()).toBeVisible();
        await shot(page, `view-${tab.toLowerCase().replace(/ /g, '-')}-${tag}`);
      }
    });
  }
}
