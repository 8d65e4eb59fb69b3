import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { createRouter, type Handlers } from '../../../shared/ipc/index';
import type { Result } from '../../../shared/ipc/result';
import { EventHub } from '../../services/app/event-hub';
import type { CoreServices } from '../../services/app/feature-area';
import { ImageKitClients } from '../../services/imagekit/client-service';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import type { LocalLibraryHandle } from '../../services/local-library/local-library';
import { ProfileService } from '../../services/profiles/profile-service';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { createUrlsArea } from '../../services/urls/area';

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
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-urls-'));
  const dataDir = path.join(root, 'data');
  const localLibrary = await startLocalLibraryInProcess({ dataDir: path.join(dataDir, 'local-library') });
  const settings = openSettings(dataDir);
  const profiles = new ProfileService({ settings, keychain: new MemorySecretStore(), session: new MemorySecretStore(), localLibrary });
  const core: CoreServices = { dataDir, profiles, clients: new ImageKitClients(profiles), events: new EventHub(true), settings, log: () => undefined };
  const area = await createUrlsArea(core);
  const router = createRouter(area.handlers as Handlers, { validateOutput: true, log: () => undefined });
  const call = <T>(channel: string, input?: unknown) => router.dispatch(channel, input, { transport: 'test' }) as Promise<Result<T>>;
  const services = { clients: core.clients };
  return {
    core,
    localLibrary,
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
      await area.close?.();
      await localLibrary.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
