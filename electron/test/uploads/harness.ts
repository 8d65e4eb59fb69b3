import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ImageKit } from '@imagekit/nodejs';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError, type Result } from '../../../shared/ipc/result';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../../shared/ipc/contract';
import type { ChannelName, EventName } from '../../../shared/ipc/names';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { ProfileService } from '../../services/profiles/profile-service';
import { ImageKitClients } from '../../services/imagekit/client-service';
import { EventHub } from '../../services/app/event-hub';
import type { CoreServices, FeatureArea } from '../../services/app/feature-area';
import { uploadsAreaWith } from '../../services/uploads/area';
import { createPurgeArea } from '../../services/purge/area';
import { startTestEmulator, type TestEmulator, type TestEmulatorOptions } from '../../../emulator/test/helpers/emulator';

export interface UploadsHarness {
  emulator: TestEmulator;
  /** The official SDK on the Local library (what the tests verify with). */
  sdk: ImageKit;
  dataDir: string;
  root: string;
  events: { name: EventName; payload: unknown }[];
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  data<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Resolves with the first event `name` whose payload passes `predicate` (also one already received). */
  waitFor<E extends EventName>(name: E, predicate?: (p: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>;
  /** Closes the area only (the emulator keeps running), then composes it again on the same data dir. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The uploads area on the app's real core services (settings, profiles, SDK clients) on a fresh data dir
 * whose Local library is a real emulator (its limits settable, e.g. a small upload size), behind the
 * contract's router with output validation on.
 */
export async function startUploadsHarness(emulatorOptions: TestEmulatorOptions = {}): Promise<UploadsHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-uploads-'));
  const dataDir = path.join(root, 'data');
  const emulator = await startTestEmulator(emulatorOptions);
  const localLibrary = { apiUrl: emulator.apiUrl, urlEndpoint: emulator.urlEndpoint, publicKey: emulator.publicKey, privateKey: emulator.privateKey, close: async () => undefined };
  const settings = openSettings(dataDir);
  const profiles = new ProfileService({ settings, keychain: new MemorySecretStore(), session: new MemorySecretStore(), localLibrary });
  const clients = new ImageKitClients(profiles);
  const hub = new EventHub(true);
  const events: UploadsHarness['events'] = [];
  const waiters = new Set<() => void>();
  hub.subscribe((name, payload) => {
    events.push({ name, payload });
    for (const w of [...waiters]) w();
  });
  const problems: string[] = [];
  const core: CoreServices = { dataDir, profiles, clients, events: hub, settings, log: (m, e) => problems.push(`${m}: ${String(e)}`) };
  const factory = uploadsAreaWith({ queue: { retry: { baseDelayMs: 20, maxDelayMs: 200 } } });
  // The purge area rides along as in the app: a replaced file must leave a purge suggestion behind.
  const purgeArea: FeatureArea = await createPurgeArea(core);
  let area: FeatureArea = await factory(core);
  const notHere = () => {
    throw new AppError('UNKNOWN_CHANNEL', 'Not part of the uploads tests.');
  };
  const route = () =>
    createRouter(new Proxy({ ...purgeArea.handlers, ...area.handlers }, { get: (t, k: string) => (t as Record<string, unknown>)[k] ?? notHere }) as Handlers, {
      validateOutput: true,
      log: (m, e) => problems.push(`${m}: ${String(e)}`),
    });
  let router = route();
  const call = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
    router.dispatch(channel, input, { transport: 'test' }) as Promise<Result<ChannelOutput<C>>>;
  return {
    emulator,
    sdk: emulator.sdk,
    dataDir,
    root,
    events,
    call,
    async data(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    waitFor(name, predicate = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find((e) => e.name === name && predicate(e.payload as never));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload as never);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name} event within ${timeoutMs} ms; problems: ${problems.join(' | ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async restart() {
      await area.close?.();
      area = await factory(core);
      router = route();
    },
    async close() {
      await area.close?.();
      await purgeArea.close?.();
      await emulator.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
