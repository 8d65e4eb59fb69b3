import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

/** Share of pixels that are clearly blue in an image fetched from `url`. */
async function blueShare(url: string): Promise<number> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let blue = 0;
  for (let i = 0; i < data.length; i += 3) if (data[i + 2]! > 150 && data[i]! < 100) blue += 1;
  return blue / (info.width * info.height);
}

test('draw custom coordinates on the preview; they are stored as x,y,width,height and fo-custom crops around them', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  // 400×200: red left half, blue right half. A centred square crop is half red; one around the box is all blue.
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 220, g: 20, b: 20 } } })
    .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: { r: 20, g: 20, b: 220 } } }, left: 200, top: 0 }])
    .png()
    .toBuffer();
  await lib.sdk.files.upload({ file: await toFile(png, 'halves.png'), fileName: 'halves.png', folder: '/focus', useUniqueFileName: false });

  const app = new AppPage(page);
  await app.open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('focus');
  await ui.file('halves.png').click();
  const section = ui.details.getByRole('region', { name: 'Custom coordinates' });
  const stage = section.getByRole('application', { name: 'Draw focus area' });
  await expect.poll(() => stage.getByRole('img', { name: 'halves.png preview for drawing' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.8, { steps: 4 });
  await page.mouse.up();
  await expect(stage.getByRole('img', { name: /^Focus area \d+,\d+,\d+,\d+$/ })).toBeVisible();
  await section.getByRole('button', { name: 'Save coordinates' }).click();

  const stored = section.getByRole('status', { name: 'Stored coordinates' }).or(section.getByLabel('Stored coordinates'));
  await expect(stored).toHaveText(/^\d+,\d+,\d+,\d+$/);
  const [x, y, w, h] = (await stored.textContent())!.split(',').map(Number) as [number, number, number, number];
  expect(Math.abs(x - 240)).toBeLessThanOrEqual(3);
  expect(Math.abs(y - 40)).toBeLessThanOrEqual(3);
  expect(Math.abs(w - 120)).toBeLessThanOrEqual(3);
  expect(Math.abs(h - 120)).toBeLessThanOrEqual(3);
  const details = await lib.sdk.assets.list({ path: '/focus' });
  expect((details[0] as { customCoordinates?: string }).customCoordinates).toBe(await stored.textContent());

  const crop = section.getByRole('img', { name: 'Focus crop preview' });
  await expect(crop).toHaveAttribute('src', /tr=w-160,h-160,fo-custom$/);
  await expect.poll(() => crop.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
  expect(await blueShare((await crop.getAttribute('src'))!)).toBeGreaterThan(0.95);
  // The same crop without fo-custom is centred, so half of it is red: the stored box made the difference.
  expect(await blueShare((await crop.getAttribute('src'))!.replace(',fo-custom', ''))).toBeLessThan(0.6);
});

test('embedded metadata: the EXIF a camera wrote is shown in readable groups', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#808080' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Canon', Model: 'EOS 5D' } })
    .toBuffer();
  await lib.sdk.files.upload({ file: await toFile(jpeg, 'cam.jpg'), fileName: 'cam.jpg', folder: '/exif', useUniqueFileName: false });
  const app = new AppPage(page);
  await app.open(webHost.url);
  const ui = editingUi(page);
  await ui.openFolder('exif');
  await ui.file('cam.jpg').click();
  const section = ui.details.getByRole('region', { name: 'Embedded metadata' });
  const image = section.getByRole('group').filter({ hasText: 'EXIF: Image' });
  await expect(image.getByRole('term')).toContainText(['Make', 'Model']);
  await expect(image.getByRole('definition')).toContainText(['Canon', 'EOS 5D']);
  await expect(section.getByRole('group').filter({ hasText: 'File (' }).getByRole('definition').first()).toHaveText('jpg');
});
