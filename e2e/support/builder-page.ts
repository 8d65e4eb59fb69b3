import { readFileSync } from 'node:fs';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';
import type { WebHost } from './hosts';

/** The URL builder as a person sees it: found by role and accessible name only. */
export class Builder {
  readonly region: Locator;
  readonly preview: Locator;
  readonly details: Locator;
  readonly urlOutput: Locator;
  readonly pasteField: Locator;
  readonly pasteResult: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'URL builder' });
    this.preview = this.region.getByRole('region', { name: 'Preview' });
    this.details = this.preview.getByRole('status', { name: 'Preview details' });
    this.urlOutput = this.region.getByRole('textbox', { name: 'URL', exact: true });
    this.pasteField = this.region.getByRole('textbox', { name: 'ImageKit URL' });
    this.pasteResult = this.region.getByRole('status', { name: 'Paste result' });
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

  async paste(url: string): Promise<void> {
    await this.pasteField.fill(url);
    await this.region.getByRole('button', { name: 'Fill in from URL' }).click();
  }
}

/** The host's Local library through the official SDK (keys from its data dir) and its URL endpoint. */
export function localSdk(webHost: WebHost): { sdk: ImageKit; endpoint: string } {
  const keys = JSON.parse(readFileSync(path.join(webHost.dataDir, 'local-library', 'keys.json'), 'utf8')) as { privateKey: string };
  const settings = JSON.parse(readFileSync(path.join(webHost.dataDir, 'settings.json'), 'utf8')) as { profiles: { kind: string; urlEndpoint: string }[] };
  const local = settings.profiles.find((p) => p.kind === 'local');
  if (!local) throw new Error('the web host has no Local library profile yet');
  return { sdk: new ImageKit({ privateKey: keys.privateKey, baseURL: new URL(local.urlEndpoint).origin, maxRetries: 0 }), endpoint: local.urlEndpoint };
}

/** Uploads a solid JPEG of `width`×`height` in `colour` at the library root; returns its path. */
export async function uploadSolid(sdk: ImageKit, name: string, colour: { r: number; g: number; b: number }, width = 800, height = 600, isPrivateFile = false): Promise<string> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
  const file = await sdk.files.upload({ file: await toFile(jpeg, name), fileName: name, useUniqueFileName: false, isPrivateFile });
  return file.filePath ?? `/${name}`;
}

/** Opens the app on the URL builder tab. */
export async function openBuilder(page: Page, webHost: WebHost): Promise<Builder> {
  await new AppPage(page).open(webHost.url);
  const builder = new Builder(page);
  await builder.open();
  return builder;
}

/** RGB at (x, y) of what the screen shows inside `locator` right now. */
export async function pixelAt(locator: Locator, x: number, y: number): Promise<number[]> {
  const png = await locator.screenshot({ animations: 'disabled' });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}
