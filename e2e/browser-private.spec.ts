import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';

test('a private file shows a real thumbnail and preview through URLs signed by the main side, never the key', async ({ page, webHost, secrets }) => {
  const lib = localLibrarySdk(webHost);
  const { privateKey } = JSON.parse(readFileSync(path.join(webHost.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  secrets.push(privateKey); // checked against every frame the page received
  const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 160, g: 40, b: 90 } } }).png().toBuffer();
  await lib.sdk.files.upload({ file: await toFile(png, 'secret.png'), fileName: 'secret.png', folder: '/vault', useUniqueFileName: false, isPrivateFile: true });
  await lib.upload('/vault', 'open.png');

  const app = new AppPage(page);
  await app.open(webHost.url);
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'vault', exact: true }).click({ position: { x: 24, y: 8 } });
  const files = page.getByRole('grid', { name: 'Files' });
  const tile = files.getByRole('gridcell', { name: 'secret.png', exact: true });
  await expect(tile).toBeVisible();

  const thumb = tile.locator('img');
  await expect(thumb).toHaveAttribute('src', /\/vault\/secret\.png\?tr=w-\d+,h-\d+,c-at_max&ik-t=\d+&ik-s=[0-9a-f]{40}$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // The fallback badge that stands in for an image signing failed for; the tile's own "Private" badge stays.
  await expect(tile.getByText('PRIVATE', { exact: true })).toHaveCount(0);
  // Without the signature the delivery endpoint refuses the same file.
  const src = (await thumb.getAttribute('src'))!;
  const unsigned = await page.request.get(src.replace(/&ik-t=.*$/, ''));
  expect(unsigned.status()).toBe(401);

  await tile.click();
  const preview = page.getByRole('complementary', { name: 'Details' }).getByRole('img', { name: 'Preview of secret.png' });
  await expect(preview).toHaveAttribute('src', /ik-s=[0-9a-f]{40}$/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
