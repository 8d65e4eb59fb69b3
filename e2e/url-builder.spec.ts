import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { localSdk, openBuilder, uploadSolid } from './support/builder-page';
import type { WebHost } from './support/hosts';

// A tall window: the builder shows the form, preview and every output at once (no drawer over them).
test.use({ viewport: { width: 1400, height: 2200 } });

const BLUE = { r: 20, g: 110, b: 190 };

/** An 800×600 blue JPEG at the library root; returns its path. */
const upload = (sdk: ReturnType<typeof localSdk>['sdk'], name: string, isPrivateFile = false) => uploadSolid(sdk, name, BLUE, 800, 600, isPrivateFile);

/** The app on the URL builder tab, and this web host's Local library through the official SDK. */
async function start(page: Page, webHost: WebHost) {
  const builder = await openBuilder(page, webHost);
  return { builder, ...localSdk(webHost) };
}

test('builds h-200,w-200, a rotate-then-resize chain and a text overlay, each previewed from the Local library', async ({ page, webHost }) => {
  const { builder, sdk, endpoint } = await start(page, webHost);
  const src = await upload(sdk, 'scene.jpg');
  await builder.setSource(src);

  await test.step('h-200,w-200 renders 200×200', async () => {
    await builder.addParameter('Step 1', 'Height', '200');
    await builder.addParameter('Step 1', 'Width', '200');
    await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:h-200,w-200${src}`);
    await expect(builder.details).toContainText('200 × 200 px');
    const result = builder.preview.getByRole('img', { name: 'Preview' });
    await expect.poll(() => result.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`)).toBe('200x200');
  });

  await test.step('rt-90 then a resize: the chain applies left to right', async () => {
    await builder.step('Step 1').getByRole('button', { name: 'Remove Height from Step 1' }).click();
    await builder.step('Step 1').getByRole('button', { name: 'Remove Width from Step 1' }).click();
    await builder.addParameter('Step 1', 'Rotate', '90');
    await builder.region.getByRole('button', { name: 'Add step', exact: true }).click();
    await builder.addParameter('Step 2', 'Width', '300');
    await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:rt-90:w-300${src}`);
    await expect(builder.details).toContainText('300 × 400 px');
    // Reordering the steps resizes first, then rotates: a different result.
    await builder.step('Step 2').getByRole('button', { name: 'Move Step 2 up' }).click();
    await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:w-300:rt-90${src}`);
    await expect(builder.details).toContainText('225 × 300 px');
  });

  await test.step('a text overlay is added with its own font size and colour', async () => {
    await builder.step('Step 2').getByRole('button', { name: 'Add text overlay' }).click();
    const overlay = builder.region.getByRole('group', { name: 'Step 2 text overlay', exact: true });
    await overlay.getByLabel('Overlay text').fill('Hello');
    const layerStep = builder.step('Step 2 layer step 1');
    await layerStep.getByLabel('Font size', { exact: true }).fill('40');
    await layerStep.getByLabel('Font colour', { exact: true }).fill('FF0000');
    await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:w-300:rt-90,l-text,i-Hello,fs-40,co-FF0000,l-end${src}`);
    await expect(builder.details).toContainText('225 × 300 px');
  });

  await test.step('a bad value is flagged before any request, and the server error is shown when a render fails', async () => {
    await builder.step('Step 1').getByLabel('Width', { exact: true }).fill('abc');
    await expect(builder.step('Step 1').getByLabel('Width', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(builder.preview.getByRole('alert')).toContainText('Not requested');
    await builder.step('Step 1').getByLabel('Width', { exact: true }).fill('300');
    await builder.setSource('/missing.jpg');
    await expect(builder.preview.getByRole('alert')).toContainText('HTTP 404');
    await expect(builder.preview.getByRole('alert')).toContainText('ENOENT');
  });
});

test('a private file: the unsigned URL is refused, the signed one renders and its check says served', async ({ page, webHost }) => {
  const { builder, sdk } = await start(page, webHost);
  const src = await upload(sdk, 'private.jpg', true);
  await builder.setSource(src);
  await builder.addParameter('Step 1', 'Width', '100');

  await expect(builder.preview.getByRole('alert')).toContainText('HTTP 401');
  await builder.region.getByRole('checkbox', { name: 'Signed URL' }).check();
  await builder.region.getByRole('spinbutton', { name: 'Expires in (seconds)' }).fill('600');
  await expect(builder.urlOutput).toHaveValue(/[?&]ik-t=\d+&ik-s=[0-9a-f]{40}$/);
  await expect(builder.details).toContainText('100 × 75 px');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
  await builder.region.getByRole('button', { name: 'Copy URL' }).click();
  await expect(builder.region.getByRole('status', { name: 'Signed URL check' })).toContainText('Served (HTTP 200)');
});

test('copies every output format, and a pasted URL fills the builder in', async ({ page, webHost }) => {
  const { builder, sdk, endpoint } = await start(page, webHost);
  const src = await upload(sdk, 'copy.jpg');
  await builder.setSource(src);
  await builder.addParameter('Step 1', 'Width', '400');
  await builder.region.getByRole('textbox', { name: 'Alt text' }).fill('A blue scene');
  await expect(builder.details).toContainText('400 × 300 px');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });

  const expected: Record<string, RegExp> = {
    URL: new RegExp(`^${endpoint.replace(/[.]/g, '\\.')}/tr:w-400${src}$`),
    HTML: /^<img src="http:.*tr:w-400.*" alt="A blue scene" width="400" height="300" loading="lazy">$/,
    Markdown: /^!\[A blue scene\]\(http:.*tr:w-400.*\)$/,
    'Responsive HTML':
      /^<picture>\n {2}<source type="image\/webp" srcset="[^"]*tr:w-400:w-320,f-webp[^"]* 320w, [^"]* 1280w" sizes="100vw">\n {2}<img src="[^"]*tr:w-400:w-1280,f-jpg[^"]*" srcset="[^"]*" sizes="100vw" alt="A blue scene" loading="lazy">\n<\/picture>$/,
    React: /^import \{ Image \} from '@imagekit\/react';[\s\S]*transformation=\{\[\n\s+\{\n\s+width: 400\n/,
  };
  for (const [label, pattern] of Object.entries(expected)) {
    const field = builder.region.getByRole('textbox', { name: label, exact: true });
    await expect(field).toHaveValue(pattern);
    await builder.region.getByRole('button', { name: `Copy ${label}`, exact: true }).click();
    await expect(builder.region.getByRole('status', { name: 'Copy result' })).toHaveText(`Copied ${label === 'Responsive HTML' ? 'responsive HTML' : label}.`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  }

  const pasted = `${endpoint}/tr:h-120,c-at_max:e-grayscale${src}?v=3`;
  await builder.region.getByRole('textbox', { name: 'ImageKit URL' }).fill(pasted);
  await builder.region.getByRole('button', { name: 'Fill in from URL' }).click();
  await expect(builder.region.getByRole('status', { name: 'Paste result' })).toContainText('building it gives the same URL');
  await expect(builder.urlOutput).toHaveValue(pasted);
  await expect(builder.step('Step 1').getByLabel('Height', { exact: true })).toHaveValue('120');
  await expect(builder.step('Step 2').getByLabel('Grayscale', { exact: true })).toBeChecked();
  await expect(builder.details).toContainText('120 px');
});
