import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

test.use({ viewport: { width: 1280, height: 800 } });

test('custom coordinates on a private file: the drawing preview and the fo-custom crop load through signed URLs', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  // Red left half, blue right half: a crop around a box on the right is all blue.
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 220, g: 20, b: 20 } } })
    .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: { r: 20, g: 20, b: 220 } } }, left: 200, top: 0 }])
    .png()
    .toBuffer();
  await lib.sdk.files.upload({ file: await toFile(png, 'secret.png'), fileName: 'secret.png', folder: '/vault', useUniqueFileName: false, isPrivateFile: true });
  const [listed] = (await lib.sdk.assets.list({ path: '/vault' })) as Array<{ fileId: string }>;

  await new AppPage(page).open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('vault');
  await ui.file('secret.png').click();
  const section = ui.details.getByRole('region', { name: 'Custom coordinates' });
  const drawing = section.getByRole('img', { name: 'secret.png preview for drawing' });
  await expect(drawing).toHaveAttribute('src', /\/vault\/secret\.png\?tr=w-600&ik-t=\d+&ik-s=[0-9a-f]{40}$/);
  await expect.poll(() => drawing.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600); // w-600 of a 400 px original

  // Stored coordinates (set as any client would): the crop follows them, signed too.
  await lib.sdk.files.update(listed!.fileId, { customCoordinates: '240,40,120,120' });
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await ui.openFolder('vault');
  await ui.file('secret.png').click();
  const crop = section.getByRole('img', { name: 'Focus crop preview' });
  await expect(crop).toHaveAttribute('src', /tr=w-160,h-160,fo-custom&ik-t=\d+&ik-s=[0-9a-f]{40}$/);
  await expect.poll(() => crop.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
  const { data } = await sharp(await (await page.request.get((await crop.getAttribute('src'))!)).body()).raw().toBuffer({ resolveWithObject: true });
  expect(data[2]! > 150 && data[0]! < 100, 'the crop shows the blue right half').toBe(true);
});
