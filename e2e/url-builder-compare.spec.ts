import type { Locator } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { localSdk, openBuilder, pixelAt, uploadSolid } from './support/builder-page';

test.use({ viewport: { width: 1280, height: 800 } });

const BLUE = { r: 20, g: 110, b: 190 };
/** Grayscale of BLUE: every channel the same. */
const isGrey = ([r, g, b]: number[]) => Math.abs(r! - g!) < 12 && Math.abs(g! - b!) < 12;
const isBlue = ([r, , b]: number[]) => b! - r! > 100;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

test('the compare slider shows the result at "Result" and the original at "Original"', async ({ page, webHost }) => {
  const builder = await openBuilder(page, webHost);
  const { sdk } = localSdk(webHost);
  await builder.setSource(await uploadSolid(sdk, 'blue.jpg', BLUE));
  await builder.addParameter('Step 1', 'Grayscale');
  await expect(builder.details).toContainText('800 × 600 px');
  const frame = builder.preview.getByRole('group', { name: 'Original and result' });
  await expect(builder.preview.locator('[data-layout="overlay"]')).toBeVisible();
  const slider = builder.preview.getByRole('slider', { name: 'Compare with original' });
  const { width, height } = await box(frame);

  await slider.fill('100'); // the "Result" end
  await expect.poll(async () => isGrey(await pixelAt(frame, width * 0.1, height / 2))).toBe(true);
  expect(isGrey(await pixelAt(frame, width * 0.9, height / 2))).toBe(true);

  await slider.fill('0'); // the "Original" end
  await expect.poll(async () => isBlue(await pixelAt(frame, width * 0.1, height / 2))).toBe(true);
  expect(isBlue(await pixelAt(frame, width * 0.9, height / 2))).toBe(true);

  await slider.fill('50'); // the result on the left of the divide, the original on the right
  await expect.poll(async () => isGrey(await pixelAt(frame, width * 0.25, height / 2))).toBe(true);
  expect(isBlue(await pixelAt(frame, width * 0.75, height / 2))).toBe(true);
});

test('a result of another shape is shown beside the original at its own aspect, and a small result is never enlarged', async ({ page, webHost }) => {
  const builder = await openBuilder(page, webHost);
  const { sdk } = localSdk(webHost);
  await builder.setSource(await uploadSolid(sdk, 'wide.jpg', BLUE));
  const original = builder.preview.getByRole('img', { name: 'Original' });
  const result = builder.preview.getByRole('img', { name: 'Preview' });

  await test.step('a 200 × 200 crop of an 800 × 600 picture: side by side, square, at most 200 px', async () => {
    await builder.addParameter('Step 1', 'Width', '200');
    await builder.addParameter('Step 1', 'Height', '200');
    await expect(builder.details).toContainText('200 × 200 px');
    await expect(builder.preview.locator('[data-layout="side-by-side"]')).toBeVisible();
    await expect(builder.preview).toContainText('Shown side by side');
    await expect.poll(async () => Math.round((await box(result)).width)).toBeLessThanOrEqual(200);
    const r = await box(result);
    const o = await box(original);
    expect(Math.abs(r.width / r.height - 1)).toBeLessThan(0.02);
    expect(Math.abs(o.width / o.height - 4 / 3)).toBeLessThan(0.02);
    // Next to each other, not one over the other.
    expect(r.x >= o.x + o.width || o.x >= r.x + r.width).toBe(true);
  });

  await test.step('w-100 keeps the shape: one frame, no wider than the 100 px result', async () => {
    await builder.step('Step 1').getByRole('button', { name: 'Remove Height from Step 1' }).click();
    await builder.step('Step 1').getByLabel('Width', { exact: true }).fill('100');
    await expect(builder.details).toContainText('100 × 75 px');
    await expect(builder.preview.locator('[data-layout="overlay"]')).toBeVisible();
    const r = await box(result);
    expect(r.width).toBeLessThanOrEqual(100.5);
    expect(Math.abs(r.width / r.height - 4 / 3)).toBeLessThan(0.03);
    expect(Math.abs((await box(original)).width - r.width)).toBeLessThan(1);
  });
});
