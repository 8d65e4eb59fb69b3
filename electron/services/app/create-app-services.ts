import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { createRouter, type Router } from '../../../shared/ipc/index';
import { openSettings, type SettingsStore } from '../settings/settings-store';
import { KeyringSecretStore } from '../secrets/keyring-secret-store';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import type { LocalLibraryHandle, StartLocalLibrary } from '../local-library/local-library';
import { ProfileService } from '../profiles/profile-service';
import { ProfileSessions } from '../sessions/profile-sessions';
import { ConnectionMonitor } from '../connection/connection-monitor';
import { EventHub } from './event-hub';
import { createHandlers } from './handlers';
import { channelNames, type Handlers } from '../../../shared/ipc/index';
import type { CoreServices, FeatureArea } from './feature-area';
import { featureAreas } from './feature-areas';
import { GrantedPaths } from '../security/granted-paths';
import type { StagedIntake } from '../upload-area/staged-intake';
import type { TransferArchives } from '../transfer/backup-area';

export interface AppServicesOptions {
  /** Settings and the Local library live here. */
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  startLocalLibrary: StartLocalLibrary;
  /**
   * 'auto': probe the OS keychain and use it when it works; 'off': behave as a machine without one
   * (keys only for this run, after the person agrees); or a store to use as the keychain (tests).
   */
  keychain?: 'auto' | 'off' | SecretStore;
  /** Keychain service name (tests use their own so they never touch the app's entries). */
  keychainService?: string;
  /**
   * Opens the settings file in `dataDir`: conf by default (web host, tests); the Electron main
   * process passes electron-store, which runs the same schema and migrations.
   */
  openSettings?: (dataDir: string) => SettingsStore;
  /** Validate outputs and events against the contract (dev and test). */
  validate: boolean;
  connectionTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The host's folder dialog for `app.pickDirectory` (Electron only). */
  pickDirectory?: () => Promise<string | null>;
}

export interface AppServices {
  router: Router;
  events: EventHub;
  profiles: ProfileService;
  sessions: ProfileSessions;
  monitor: ConnectionMonitor;
  settings: SettingsStore;
  localLibrary: LocalLibraryHandle;
  keychain: { available: boolean; reason?: string };
  /** The Electron adapters grant the paths the person dropped, picked or chose here; the web host never does. */
  grants: GrantedPaths;
  /** Takes the bytes of files the window sends by HTTP (web host only), for the uploads area. */
  stagedIntake: StagedIntake;
  /** Backup .zip files streamed out and taken in (web host only; the desktop app backs up into folders). */
  transferArchives: TransferArchives | null;
  close(): Promise<void>;
}

async function resolveKeychain(options: AppServicesOptions): Promise<{ store: SecretStore | null; reason?: string }> {
  const choice = options.keychain ?? 'auto';
  if (choice === 'off') return { store: null, reason: 'turned off for this run' };
  if (choice !== 'auto') return { store: choice };
  const keyring = new KeyringSecretStore(options.keychainService);
  const probe = await keyring.probe();
  return probe.available ? { store: keyring } : { store: null, reason: probe.reason };
}

/**
 * The one composition of services, shared by the Electron main process and the web host: only the
 * transport in front of `router` and `events` differs.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const log = options.log ?? ((message, error) => console.error(`[mediadesk] ${message}`, error ?? ''));
  mkdirSync(options.dataDir, { recursive: true });
  const settings = (options.openSettings ?? openSettings)(options.dataDir);
  const keychain = await resolveKeychain(options);
  if (!keychain.store) log(`system keychain unavailable: ${keychain.reason}`);
  const localLibrary = await options.startLocalLibrary({ dataDir: path.join(options.dataDir, 'local-library') });
  const events = new EventHub(options.validate);

  const profiles: ProfileService = new ProfileService({
    settings,
    keychain: keychain.store,
    session: new MemorySecretStore(),
    localLibrary,
    onChange: () => {
      void profiles.list().then(
        (list) => events.emit('profiles.changed', list),
        (error) => log('could not list profiles after a change', error),
      );
    },
  });
  const sessions = new ProfileSessions(profiles);
  const monitor = new ConnectionMonitor({
    activeId: () => profiles.activeId(),
    connectionOf: async (id) => (await sessions.resolve(id)).connection,
    publish: (status) => events.emit('connection.changed', status),
    timeoutMs: options.connectionTimeoutMs ?? 10_000,
  });
  const grants = new GrantedPaths();
  const core: CoreServices = { dataDir: options.dataDir, profiles, sessions, events, settings, grants, log };
  const areas: FeatureArea[] = [];
  for (const createArea of featureAreas) areas.push(await createArea(core));
  const coreHandlers = createHandlers({
    profiles,
    monitor,
    grants,
    pickDirectory: options.pickDirectory,
    info: () => ({
      name: 'MediaDesk',
      version: options.version,
      host: options.host,
      platform: process.platform,
      keychain: keychain.store ? 'available' : 'unavailable',
      dataDir: options.dataDir,
    }),
  });
  const handlers = mergeHandlers([coreHandlers, ...areas.map((area) => area.handlers)]);
  const router = createRouter(handlers, { validateOutput: options.validate, log });

  return {
    router,
    events,
    profiles,
    sessions,
    monitor,
    settings,
    localLibrary,
    keychain: { available: keychain.store !== null, reason: keychain.reason },
    grants,
    stagedIntake: intakeOf(areas),
    transferArchives: areas.find((area) => area.archives)?.archives ?? null,
    close: async () => {
      for (const area of areas.reverse()) await area.close?.();
      await localLibrary.close();
    },
  };
}

/** The one area that takes staged bytes (uploads); its absence is a wiring bug. */
function intakeOf(areas: FeatureArea[]): StagedIntake {
  const intake = areas.find((area) => area.stagedIntake)?.stagedIntake;
  if (!intake) throw new Error('No feature area takes staged upload bytes.');
  return intake;
}

/** Joins the core's and the areas' handlers; a channel without exactly one handler is a wiring bug. */
function mergeHandlers(parts: Partial<Handlers>[]): Handlers {
  const merged: Partial<Handlers> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in merged) throw new Error(`Two handlers for channel ${name}.`);
      (merged as Record<string, unknown>)[name] = handler;
    }
  }
  const missing = channelNames.filter((name) => !(name in merged));
  if (missing.length) throw new Error(`No handler for channel(s): ${missing.join(', ')}.`);
  return merged as Handlers;
}
