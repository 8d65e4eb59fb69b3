import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { seedShowcase } from './support/showcase-seed';
import { library, openShowcaseFolder } from './support/screens';

test.use({ viewport: { width: 1280, height: 800 } });

test('Details reads as words (dimensions, size, tag chips) and keeps the raw object folded, with Copy JSON', async ({ page, webHost }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
  await seedShowcase(webHost);
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await openShowcaseFolder(page);
  await lib.file('harbour.jpg').click();

  // The file's facts come first; the embedded-metadata list further down has terms of its own ("size").
  const facts = lib.details.locator('dl').first();
  await expect(facts.getByRole('definition').first()).toBeVisible();
  const read = async () => {
    const terms = await facts.getByRole('term').allTextContents();
    const values = await facts.getByRole('definition').allTextContents();
    return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
  };
  // The version fact arrives with the version list, after the rest.
  await expect.poll(read).toMatchObject({ Type: 'JPG image', Dimensions: '1600 × 1067', Access: 'Public', Version: 'Version 1 of 1' });
  const shown = await read();
  expect(shown.Size).toMatch(/^\d+ KB$/);
  // Tags are chips, not a JSON array.
  await expect(facts.locator('dd').filter({ hasText: 'sea' }).getByText('boats', { exact: true })).toBeVisible();
  expect(shown.Tags).not.toContain('[');

  const raw = lib.details.getByRole('group').filter({ hasText: 'Raw file object' });
  const json = lib.details.getByLabel('File object as JSON');
  await expect(json).toBeHidden();
  await lib.details.getByText('Raw file object').click();
  await expect(json).toBeVisible();
  await expect(json).toContainText('"name": "harbour.jpg"');
  await raw.getByRole('button', { name: 'Copy JSON' }).click();
  await expect.poll(async () => (JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { name?: string }).name).toBe('harbour.jpg');
});

test('the thumbnail slider resizes the tiles and is remembered; hover actions copy the URL and open the builder', async ({ page, webHost }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
  await seedShowcase(webHost);
  await new AppPage(page).open(webHost.url);
  const lib = library(page);
  await openShowcaseFolder(page);

  const tileWidth = async () => Math.round((await lib.file('harbour.jpg').boundingBox())?.width ?? 0);
  const before = await tileWidth();
  const slider = page.getByRole('slider', { name: 'Thumbnail size' });
  await slider.focus();
  for (let i = 0; i < 15; i += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(tileWidth).toBeGreaterThan(before + 40);
  const bigger = await tileWidth();
  const value = await slider.inputValue();
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await openShowcaseFolder(page);
  await expect(slider).toHaveValue(value);
  expect(await tileWidth()).toBe(bigger);

  await lib.file('harbour.jpg').hover();
  await lib.file('harbour.jpg').getByRole('button', { name: 'Copy URL of harbour.jpg' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/travel\/2024\/harbour\.jpg(\?|$)/);

  await lib.file('harbour.jpg').hover();
  await lib.file('harbour.jpg').getByRole('button', { name: 'Open harbour.jpg in URL builder' }).click();
  await expect(page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'URL builder' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'URL builder' }).getByRole('textbox', { name: 'Path or URL' })).toHaveValue('/travel/2024/harbour.jpg');
});
