import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { createAppServices, type AppServices } from '../../services/app/create-app-services';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import type { Result } from '../../../shared/ipc/result';

export interface UrlsHarness {
  services: AppServices;
  dataDir: string;
  call<T = unknown>(channel: string, input?: unknown): Promise<Result<T>>;
  /** Unwraps an ok envelope or fails the test with the error. */
  data<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Uploads a generated JPEG to the Local library through the official SDK; returns its file path. */
  upload(name: string, options?: { width?: number; height?: number; isPrivateFile?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** App services (router included) on a fresh data dir whose Local library is the real emulator. */
export async function startUrlsHarness(): Promise<UrlsHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-urls-'));
  const dataDir = path.join(root, 'data');
  const services = await createAppServices({
    dataDir,
    host: 'web',
    version: '0.0.0-test',
    startLocalLibrary: startLocalLibraryInProcess,
    keychain: new MemorySecretStore(),
    validate: true,
    log: () => undefined,
  });
  const call = <T>(channel: string, input?: unknown) => services.router.dispatch(channel, input, { transport: 'test' }) as Promise<Result<T>>;
  return {
    services,
    dataDir,
    call,
    async data<T>(channel: string, input?: unknown) {
      const result = await call<T>(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async upload(name, options = {}) {
      const { width = 400, height = 300, isPrivateFile = false } = options;
      const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer();
      const { client } = await services.clients.forActiveProfile();
      const uploaded = await client.files.upload({ file: await toFile(jpeg, name), fileName: name, useUniqueFileName: false, isPrivateFile });
      return uploaded.filePath ?? `/${name}`;
    },
    async close() {
      await services.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
