import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result';
import { keyHintOf, type ParsedProfileDraft, type ProfileView } from '../../../shared/domain/profile';
import type { SettingsStore } from '../settings/settings-store';
import type { StoredProfile } from '../settings/settings-schema';
import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store';
import { LOCAL_PROFILE_ID, LOCAL_PROFILE_NAME, type LocalLibraryHandle } from '../local-library/local-library';
import { apiBaseUrlFor, sameUrlEndpoint } from './endpoints';

/** What the main side needs to call ImageKit for a profile. Never sent to the renderer. */
export interface ProfileConnection {
  profileId: string | null;
  urlEndpoint: string;
  publicKey: string;
  privateKey: string;
  /** undefined: ImageKit's own API hosts (the SDK's defaults). */
  apiBaseUrl: string | undefined;
}

export interface ProfileServiceDeps {
  settings: SettingsStore;
  /** null when the OS keychain is unavailable on this machine. */
  keychain: SecretStore | null;
  /** Keys the person chose to keep for this run only. */
  session: SecretStore;
  localLibrary: LocalLibraryHandle;
  onChange?: () => void;
}

const accountOf = (profileId: string) => `profile:${profileId}`;

/**
 * Profiles: the Local library (always present, keys owned by the embedded emulator) and
 * ImageKit accounts (endpoint and public key in settings, private key in the keychain or, by
 * explicit choice, in memory for this run).
 */
export class ProfileService {
  /** Last four characters of each known key, so listing does not query the keychain every time. */
  readonly #hints = new Map<string, string>();
  /** Bumped by every save and delete here, so a session cached before a key change is never reused. */
  #revision = 0;

  constructor(private readonly deps: ProfileServiceDeps) {
    this.ensureLocalProfile();
  }

  get keychainAvailable(): boolean {
    return this.deps.keychain !== null;
  }

  /** First run: create the Local library profile and open it. */
  private ensureLocalProfile(): void {
    const { settings, localLibrary } = this.deps;
    const profiles = settings.get('profiles');
    const local: StoredProfile = {
      id: LOCAL_PROFILE_ID,
      name: LOCAL_PROFILE_NAME,
      kind: 'local',
      urlEndpoint: localLibrary.urlEndpoint,
      publicKey: localLibrary.publicKey,
      keyStorage: 'none',
    };
    const rest = profiles.filter((p) => p.id !== LOCAL_PROFILE_ID);
    settings.set('profiles', [local, ...rest]);
    const active = settings.get('activeProfileId');
    if (!active || !rest.concat(local).some((p) => p.id === active)) settings.set('activeProfileId', LOCAL_PROFILE_ID);
  }

  private stored(id: string): StoredProfile {
    const found = this.deps.settings.get('profiles').find((p) => p.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'That profile no longer exists.');
    return found;
  }

  activeId(): string {
    return this.deps.settings.get('activeProfileId') ?? LOCAL_PROFILE_ID;
  }

  async list(): Promise<ProfileView[]> {
    const active = this.activeId();
    const views: ProfileView[] = [];
    for (const p of this.deps.settings.get('profiles')) views.push(await this.view(p, active));
    return views;
  }

  async get(id: string): Promise<ProfileView> {
    return this.view(this.stored(id), this.activeId());
  }

  private async view(p: StoredProfile, activeId: string): Promise<ProfileView> {
    const active = p.id === activeId;
    if (p.kind === 'local') {
      const { urlEndpoint, publicKey, privateKey } = this.deps.localLibrary;
      return { id: p.id, name: p.name, kind: 'local', urlEndpoint, publicKey, hasPrivateKey: true, keyHint: keyHintOf(privateKey), keyStorage: 'embedded', active };
    }
    const located = await this.locateKey(p).catch(() => ({ key: null, where: 'none' as const }));
    return {
      id: p.id,
      name: p.name,
      kind: 'imagekit',
      urlEndpoint: p.urlEndpoint,
      publicKey: p.publicKey,
      hasPrivateKey: located.key !== null,
      keyHint: located.key === null ? '' : (this.#hints.get(p.id) ?? keyHintOf(located.key)),
      keyStorage: located.where,
      active,
    };
  }

  /** Finds a profile's private key: this run's memory first, then the keychain. */
  private async locateKey(p: StoredProfile): Promise<{ key: string | null; where: 'session' | 'keychain' | 'none' }> {
    const fromSession = await this.deps.session.get(accountOf(p.id));
    if (fromSession !== null) return { key: fromSession, where: 'session' };
    if (p.keyStorage === 'keychain') {
      if (!this.deps.keychain) return { key: null, where: 'none' };
      const key = await this.deps.keychain.get(accountOf(p.id));
      if (key !== null) this.#hints.set(p.id, keyHintOf(key));
      return { key, where: key === null ? 'none' : 'keychain' };
    }
    return { key: null, where: 'none' };
  }

  async save(draft: ParsedProfileDraft): Promise<ProfileView> {
    const existing = draft.id ? this.stored(draft.id) : undefined;
    if (existing?.kind === 'local') {
      throw new AppError('NOT_ALLOWED', 'The Local library is managed by MediaDesk and cannot be edited.');
    }
    if (!existing && !draft.privateKey) throw new AppError('BAD_INPUT', 'privateKey: A new profile needs its private key.');
    // Keeping the stored key while moving the profile elsewhere would send that key to an address the
    // caller chose (the status check runs right after saving): a new endpoint needs the key typed again.
    if (existing && !draft.privateKey && !sameUrlEndpoint(existing.urlEndpoint, draft.urlEndpoint)) {
      throw new AppError('NOT_ALLOWED', keyStaysWithEndpoint(existing.urlEndpoint, draft.urlEndpoint));
    }
    const id = existing?.id ?? randomUUID();
    let keyStorage: StoredProfile['keyStorage'] = existing?.keyStorage ?? 'none';
    if (draft.privateKey) keyStorage = await this.storeKey(id, draft.privateKey, draft.keyStorage ?? 'keychain');
    const next: StoredProfile = { id, name: draft.name, kind: 'imagekit', urlEndpoint: draft.urlEndpoint, publicKey: draft.publicKey, keyStorage };
    const profiles = this.deps.settings.get('profiles');
    this.deps.settings.set('profiles', existing ? profiles.map((p) => (p.id === id ? next : p)) : [...profiles, next]);
    this.#revision += 1;
    this.deps.onChange?.();
    return this.get(id);
  }

  /** Puts the key where the person asked; never on disk in plain text. */
  private async storeKey(id: string, key: string, where: 'keychain' | 'session'): Promise<StoredProfile['keyStorage']> {
    const account = accountOf(id);
    if (where === 'keychain') {
      if (!this.deps.keychain) {
        throw new AppError(
          'KEYCHAIN_UNAVAILABLE',
          'The system keychain is not available, so the private key cannot be stored. You can keep it for this run only; it is never written to disk.',
        );
      }
      try {
        await this.deps.keychain.set(account, key);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) throw new AppError('KEYCHAIN_UNAVAILABLE', `${error.message} You can keep the private key for this run only instead.`);
        throw error;
      }
      await this.deps.session.delete(account);
      this.#hints.set(id, keyHintOf(key));
      return 'keychain';
    }
    await this.deps.session.set(account, key);
    this.#hints.set(id, keyHintOf(key));
    // A key that used to be in the keychain must not linger there once the person chose this run only.
    await this.deps.keychain?.delete(account).catch(() => false);
    return 'none';
  }

  async delete(id: string): Promise<void> {
    const p = this.stored(id);
    if (p.kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local library cannot be deleted.');
    const account = accountOf(id);
    if (p.keyStorage === 'keychain' && this.deps.keychain) await this.deps.keychain.delete(account);
    await this.deps.session.delete(account);
    this.#hints.delete(id);
    this.deps.settings.set('profiles', this.deps.settings.get('profiles').filter((q) => q.id !== id));
    if (this.activeId() === id) this.deps.settings.set('activeProfileId', LOCAL_PROFILE_ID);
    this.#revision += 1;
    this.deps.onChange?.();
  }

  async activate(id: string): Promise<ProfileView> {
    this.stored(id);
    this.deps.settings.set('activeProfileId', id);
    this.deps.onChange?.();
    return this.get(id);
  }

  /**
   * A saved profile's connection for a check against `urlEndpoint`, which must be the endpoint it was
   * saved with: its stored key is never sent anywhere else (NOT_ALLOWED, asking for the key instead).
   */
  async connectionAt(id: string, urlEndpoint: string): Promise<ProfileConnection> {
    const connection = await this.connectionOf(id);
    if (!sameUrlEndpoint(connection.urlEndpoint, urlEndpoint)) throw new AppError('NOT_ALLOWED', keyStaysWithEndpoint(connection.urlEndpoint, urlEndpoint));
    return connection;
  }

  /**
   * What a profile's connection depends on, read without the keychain: it changes when the profile is
   * saved or deleted here, when another process (the command line) edits its settings, and when the
   * Local library restarts elsewhere. undefined for a profile that does not exist.
   */
  revisionOf(id: string): string | undefined {
    const p = this.deps.settings.get('profiles').find((q) => q.id === id);
    if (!p) return undefined;
    if (p.kind === 'local') {
      const { apiUrl, urlEndpoint, publicKey, privateKey } = this.deps.localLibrary;
      return JSON.stringify([this.#revision, apiUrl, urlEndpoint, publicKey, privateKey]);
    }
    return JSON.stringify([this.#revision, p.urlEndpoint, p.publicKey, p.keyStorage]);
  }

  /** Endpoint and keys to call ImageKit for a saved profile (main side only). */
  async connectionOf(id: string): Promise<ProfileConnection> {
    const p = this.stored(id);
    if (p.kind === 'local') {
      const { urlEndpoint, publicKey, privateKey, apiUrl } = this.deps.localLibrary;
      return { profileId: id, urlEndpoint, publicKey, privateKey, apiBaseUrl: apiUrl };
    }
    const { key } = await this.locateKey(p);
    if (key === null) throw new AppError('NOT_FOUND', `The profile "${p.name}" has no private key saved. Edit it and enter the private key.`);
    return { profileId: id, urlEndpoint: p.urlEndpoint, publicKey: p.publicKey, privateKey: key, apiBaseUrl: apiBaseUrlFor(p.urlEndpoint) };
  }
}

function keyStaysWithEndpoint(saved: string, requested: string): string {
  return `The saved private key is only sent to the URL endpoint it was saved with (${saved}). Enter the private key to use ${requested}.`;
}
