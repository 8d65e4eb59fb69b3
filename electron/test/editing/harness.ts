import sharp from 'sharp';
import { toFile, type ImageKit } from '@imagekit/nodejs';
import { startAppHarness, type AppHarness } from '../helpers/core-harness';

export interface EditingHarness extends AppHarness {
  client: ImageKit;
  /** Uploads (or, with the same name, overwrites) a solid-colour PNG through the official SDK. */
  upload(name: string, color: { r: number; g: number; b: number }, options?: { width?: number; height?: number; folder?: string }): Promise<string>;
}

/**
 * The whole app composition (createAppServices, as both hosts build it) on a fresh data dir whose
 * Local library is the real emulator; calls go through the contract's router with output validation.
 * `problems` is everything the router logged (handler crashes, output drift); tests expect none.
 */
export async function startEditingHarness(): Promise<EditingHarness> {
  const harness = await startAppHarness('editing', { version: 'test', keychain: 'off' });
  const { client } = await harness.app.sessions.resolve();
  return {
    ...harness,
    client,
    async upload(name, color, options = {}) {
      const png = await sharp({ create: { width: options.width ?? 40, height: options.height ?? 30, channels: 3, background: color } }).png().toBuffer();
      const uploaded = await client.files.upload({ file: await toFile(png, name), fileName: name, folder: options.folder ?? '/edit', useUniqueFileName: false });
      return uploaded.fileId ?? '';
    },
  };
}
