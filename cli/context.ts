import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type ImageKit from '@imagekit/nodejs';
import type { ProfileView } from '../shared/domain/profile';
import { defaultDataDir } from '../electron/services/app/data-dir';
import { ProfileSessions } from '../electron/services/sessions/profile-sessions';
import { LOCAL_PROFILE_ID, type LocalLibraryHandle } from '../electron/services/local-library/local-library';
import { ProfileService } from '../electron/services/profiles/profile-service';
import { KeyringSecretStore } from '../electron/services/secrets/keyring-secret-store';
import { MemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { openSettings, type SettingsStore } from '../electron/services/settings/settings-store';
import type { LibraryAccess } from '../electron/services/transfer/item-runner';
import { TransferService } from '../electron/services/transfer/transfer-service';
import { UsageError } from './errors';

export interface CliOptions {
  /** `--data DIR`; else MEDIADESK_DATA_DIR, else the OS default the app uses. */
  data?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The app's services as the command line composes them: the same data folder rules, settings,
 * profiles and keychain entries as `npm start`, so a profile made in one is usable in the other.
 * Unlike the app it starts the Local library (the embedded emulator, in this process) only when a
 * command actually uses that profile, and it never starts the app's upload queue or pollers.
 */
export class CliContext {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly profiles: ProfileService;
  readonly sessions: ProfileSessions;
  private readonly local: LocalLibraryHandle & { started: boolean };
  private localStart: Promise<void> | null = null;
  private transferService: TransferService | null = null;

  constructor(options: CliOptions = {}) {
    const env = options.env ?? process.env;
    this.dataDir = options.data ? path.resolve(options.data) : defaultDataDir(env);
    mkdirSync(this.dataDir, { recursive: true });
    this.settings = openSettings(this.dataDir);
    const stored = this.settings.get('profiles').find((p) => p.id === LOCAL_PROFILE_ID);
    // Until it is needed, the Local library is described by what settings last recorded; its
    // fields are filled in when it starts, and the services read them at call time.
    this.local = {
      started: false,
      apiUrl: '',
      urlEndpoint: stored?.urlEndpoint ?? 'http://127.0.0.1/local',
      publicKey: stored?.publicKey ?? '',
      privateKey: '',
      close: async () => undefined,
    };
    const keychain = env.MEDIADESK_KEYCHAIN === 'off' ? null : new KeyringSecretStore();
    this.profiles = new ProfileService({ settings: this.settings, keychain, session: new MemorySecretStore(), localLibrary: this.local });
    this.sessions = new ProfileSessions(this.profiles, { timeoutMs: 60_000, maxRetries: 2 });
  }

  /** Starts the embedded Local library (once) so its profile can be used. */
  async ensureLocalLibrary(): Promise<void> {
    if (this.local.started) return;
    this.localStart ??= (async () => {
      // Loaded on demand: the emulator (Fastify, sharp, libsql) is the heaviest part of the command line.
      const { startLocalLibraryInProcess } = await import('../electron/services/local-library/in-process');
      const running = await startLocalLibraryInProcess({ dataDir: path.join(this.dataDir, 'local-library') });
      Object.assign(this.local, { ...running, started: true });
    })();
    await this.localStart;
  }

  /** A profile by name (case-insensitive) or id; the active one when none is given. Unknown names are a usage error. */
  async profile(ref?: string): Promise<ProfileView> {
    const list = await this.profiles.list();
    const wanted = ref?.trim();
    const found = wanted ? (list.find((p) => p.id === wanted) ?? list.find((p) => p.name.toLowerCase() === wanted.toLowerCase()) ?? (wanted.toLowerCase() === 'local' ? list.find((p) => p.kind === 'local') : undefined)) : list.find((p) => p.active);
    if (!found) throw new UsageError(`There is no profile named "${wanted}". Profiles: ${list.map((p) => p.name).join(', ')}.`);
    if (found.kind === 'local') await this.ensureLocalLibrary();
    return found;
  }

  async client(profileId: string): Promise<ImageKit> {
    if (profileId === LOCAL_PROFILE_ID) await this.ensureLocalLibrary();
    return (await this.sessions.resolve(profileId)).client;
  }

  /** Client and URL endpoint of a profile, as the transfer engine needs them. */
  async access(profileId: string): Promise<LibraryAccess> {
    if (profileId === LOCAL_PROFILE_ID) await this.ensureLocalLibrary();
    const { connection, client } = await this.sessions.resolve(profileId);
    // The Local library gets a new port on every start, so its checksums are keyed by the profile alone.
    const libraryKey = profileId === LOCAL_PROFILE_ID ? LOCAL_PROFILE_ID : `${profileId}|${connection.urlEndpoint}`;
    return { profileId, client, urlEndpoint: connection.urlEndpoint, libraryKey };
  }

  transfers(): TransferService {
    this.transferService ??= new TransferService({ dataDir: this.dataDir, origin: 'cli', access: (id) => this.access(id) });
    return this.transferService;
  }

  async close(): Promise<void> {
    this.transferService?.close();
    if (this.local.started) await this.local.close();
  }
}
