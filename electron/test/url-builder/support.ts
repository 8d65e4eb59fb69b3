import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { createRouter, type Handlers } from '../../../shared/ipc/index';
import type { Result } from '../../../shared/ipc/result';
import type { CoreServices } from '../../services/app/feature-area';
import type { LocalLibraryHandle } from '../../services/local-library/local-library';
import { createUrlsArea } from '../../services/url-builder/area';
import { callsThrough, startCoreHarness } from '../helpers/core-harness';

export interface UrlsHarness {
  core: CoreServices;
  localLibrary: LocalLibraryHandle;
  dataDir: string;
  call<T = unknown>(channel: string, input?: unknown): Promise<Result<T>>;
  /** Unwraps an ok envelope or fails the test with the error. */
  data<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Uploads a generated JPEG to the Local library through the official SDK; returns its file path. */
  upload(name: string, options?: { width?: number; height?: number; isPrivateFile?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The core services composed as create-app-services does (real settings, profiles, SDK clients, the
 * Local library's emulator) with only the urls area behind the contract's router, so these tests do not
 * depend on other areas being finished. Inputs and outputs are validated against the contract.
 */
export async function startUrlsHarness(): Promise<UrlsHarness> {
  const base = await startCoreHarness('urls');
  const { core } = base;
  const area = await createUrlsArea(core);
  const router = createRouter(area.handlers as Handlers, { validateOutput: true, log: core.log });
  // These tests name channels as plain strings (including ones the contract lacks), hence the casts.
  const calls = callsThrough(() => router) as unknown as Pick<UrlsHarness, 'call' | 'data'>;
  return {
    ...calls,
    core,
    localLibrary: base.localLibrary,
    dataDir: base.dataDir,
    async upload(name, options = {}) {
      const { width = 400, height = 300, isPrivateFile = false } = options;
      const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer();
      const { client } = await core.sessions.resolve();
      const uploaded = await client.files.upload({ file: await toFile(jpeg, name), fileName: name, useUniqueFileName: false, isPrivateFile });
      return uploaded.filePath ?? `/${name}`;
    },
    async close() {
      await area.close?.();
      await base.close();
    },
  };
}
