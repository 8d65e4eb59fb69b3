import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { ProfileService } from '../../services/profiles/profile-service';
import { ImageKitClients } from '../../services/imagekit/client-service';
import { EventHub } from '../../services/app/event-hub';
import type { CoreServices } from '../../services/app/feature-area';
import { createLibraryArea } from '../../services/library/area';
import { createPurgeArea } from '../../services/purge/area';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ChannelName, EventName } from '../../../shared/ipc/names';
import type { Result } from '../../../shared/ipc/result';

export interface LibraryHarness {
  services: { clients: ImageKitClients; profiles: ProfileService; problems: string[] };
  dataDir: string;
  root: string;
  /** Every event pushed so far (the purge area rides along, as in the app). */
  events: { name: EventName; payload: unknown }[];
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Unwraps an ok envelope or fails the test with the error. */
  data<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Uploads a small generated PNG into `folder` of the Local library through the official SDK. */
  upload(folder: string, name: string, options?: { isPrivateFile?: boolean; width?: number }): Promise<{ fileId: string; filePath: string }>;
  close(): Promise<void>;
}

/**
 * The library area composed on the app's real core services (settings, profiles, SDK clients) on a
 * fresh data dir whose Local library is the real emulator, behind the contract's router. The area is
 * composed on its own (not through createAppServices) so these tests do not depend on other feature
 * areas being registered yet; the web-host e2e covers the full composition.
 */
export async function startLibraryHarness(): Promise<LibraryHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-library-'));
  const dataDir = path.join(root, 'data');
  const localLibrary = await startLocalLibraryInProcess({ dataDir: path.join(dataDir, 'local-library') });
  const settings = openSettings(dataDir);
  const profiles = new ProfileService({ settings, keychain: new MemorySecretStore(), session: new MemorySecretStore(), localLibrary });
  const clients = new ImageKitClients(profiles);
  const hub = new EventHub(true);
  const events: LibraryHarness['events'] = [];
  hub.subscribe((name, payload) => events.push({ name, payload }));
  const problems: string[] = [];
  const core: CoreServices = { dataDir, profiles, clients, events: hub, settings, log: (m, e) => problems.push(`${m}: ${String(e)}`) };
  // Composed with the purge area so a rename can leave a purge suggestion behind, as in the app.
  const purgeArea = await createPurgeArea(core);
  const area = await createLibraryArea(core);
  const notHere = () => {
    throw new AppError('UNKNOWN_CHANNEL', 'Not part of the library tests.');
  };
  const handlers = new Proxy({ ...purgeArea.handlers, ...area.handlers }, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? notHere }) as Handlers;
  const router = createRouter(handlers, { validateOutput: true, log: (message, error) => problems.push(`${message}: ${String(error)}`) });
  const services = { clients, profiles, problems };
  const call = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
    router.dispatch(channel, input, { transport: 'test' }) as Promise<Result<ChannelOutput<C>>>;
  return {
    services,
    dataDir,
    root,
    events,
    call,
    async data(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async upload(folder, name, options = {}) {
      const width = options.width ?? 40;
      const png = await sharp({ create: { width, height: 30, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
      const { client } = await services.clients.forActiveProfile();
      const uploaded = await client.files.upload({
        file: await toFile(png, name),
        fileName: name,
        folder,
        useUniqueFileName: false,
        isPrivateFile: options.isPrivateFile ?? false,
      });
      return { fileId: uploaded.fileId ?? '', filePath: uploaded.filePath ?? '' };
    },
    async close() {
      await area.close?.();
      await purgeArea.close?.();
      await localLibrary.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
