import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import type { WebHost } from './support/hosts';

// A tall window: the builder shows the form, preview and every output at once (no drawer over them).
test.use({ viewport: { width: 1400, height: 2200 } });

/** The URL builder as a person sees it: found by role and accessible name only. */
class Builder {
  readonly region: Locator;
  readonly preview: Locator;
  readonly details: Locator;
  readonly urlOutput: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'URL builder' });
    this.preview = this.region.getByRole('region', { name: 'Preview' });
    this.details = this.preview.getByRole('status', { name: 'Preview details' });
    this.urlOutput = this.region.getByRole('textbox', { name: 'URL', exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'URL builder' }).click();
    await expect(this.region).toBeVisible();
  }

  step(label: string): Locator {
    return this.region.getByRole('group', { name: label, exact: true });
  }

  async setSource(src: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Path or URL' }).fill(src);
  }

  async addParameter(stepLabel: string, name: string, value?: string): Promise<void> {
    const step = this.step(stepLabel);
    await step.getByRole('combobox', { name: `Add parameter to ${stepLabel}` }).selectOption({ label: name });
    if (value !== undefined) await step.getByLabel(name, { exact: true }).last().fill(value);
  }
}

/**
 * The Local library of this web host, reached with the official SDK: its keys are in the host's data
 * dir, and its API shares the origin of the URL endpoint the builder writes.
 */
async function localLibrary(builder: Builder, webHost: WebHost): Promise<{ sdk: ImageKit; endpoint: string }> {
  await builder.setSource('/probe.jpg');
  await expect(builder.urlOutput).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/local\/probe\.jpg$/);
  const endpoint = (await builder.urlOutput.inputValue()).replace(/\/probe\.jpg$/, '');
  const keys = JSON.parse(readFileSync(path.join(webHost.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  return { sdk: new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(endpoint).origin, maxRetries: 0 }), endpoint };
}

async function upload(sdk: ImageKit, name: string, isPrivateFile = false): Promise<string> {
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 110, b: 190 } } }).jpeg().toBuffer();
  const file = await sdk.files.upload({ file: await toFile(jpeg, name), fileName: name, useUniqueFileName: false, isPrivateFile });
  return file.filePath ?? `/${name}`;
}

async function start(page: Page, webHost: WebHost) {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const builder = new Builder(page);
  await builder.open();
  return { builder, ...(await localLibrary(builder, webHost)) };
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
