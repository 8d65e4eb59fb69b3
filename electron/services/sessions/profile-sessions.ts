import type ImageKit from '@imagekit/nodejs';
import { createImageKitClient, defaultClientSettings, type ClientSettings } from '../imagekit/client-service';
import type { ProfileConnection } from '../profiles/profile-service';

/**
 * One profile ready to call ImageKit: its id, its endpoint and keys, and the official SDK client for
 * them. A contract call resolves the profile it names once into a session and hands that on, so the
 * private key is read at most once per call (none while the session is cached).
 */
export interface ProfileSession {
  readonly id: string;
  readonly connection: ProfileConnection;
  readonly client: ImageKit;
}

/** What sessions are made from (the ProfileService). */
export interface SessionSource {
  activeId(): string;
  /** Endpoint and keys of a saved profile; for an ImageKit account this reads the keychain. */
  connectionOf(id: string): Promise<ProfileConnection>;
  /** Changes whenever the profile's connection may have changed; undefined for an unknown profile. */
  revisionOf(id: string): string | undefined;
}

interface CachedSession {
  revision: string;
  session: Promise<ProfileSession>;
}

/**
 * The sessions of every profile in use, each kept until its profile changes (saved, deleted, edited
 * by another process) or ImageKit rejects its key. Every keychain read is a D-Bus round trip on
 * Linux and may prompt on macOS, so a session is built once and shared by concurrent calls.
 */
export class ProfileSessions {
  readonly #cache = new Map<string, CachedSession>();

  constructor(
    private readonly source: SessionSource,
    private readonly clientSettings: ClientSettings = defaultClientSettings,
  ) {}

  /** The profile a call names, or the active one when it names none. Never touches the keychain. */
  idOf(requested: string | undefined): string {
    return requested ?? this.source.activeId();
  }

  /** The session of the named profile (the active one when omitted); NOT_FOUND for an unknown one. */
  resolve(requested?: string): Promise<ProfileSession> {
    const id = this.idOf(requested);
    const revision = this.source.revisionOf(id);
    const cached = this.#cache.get(id);
    if (cached && revision !== undefined && cached.revision === revision) return cached.session;
    this.#cache.delete(id);
    // An unknown profile goes through connectionOf too, so its NOT_FOUND reads the same everywhere.
    const session = this.source.connectionOf(id).then((connection): ProfileSession => ({ id, connection, client: createImageKitClient(connection, this.clientSettings) }));
    if (revision === undefined) return session;
    const entry: CachedSession = { revision, session };
    this.#cache.set(id, entry);
    // A failed resolution (no key saved, keychain locked) is tried again by the next call.
    session.catch(() => {
      if (this.#cache.get(id) === entry) this.#cache.delete(id);
    });
    return session;
  }

  /** Drops one profile's session (all of them without an id); the next call reads the keychain again. */
  invalidate(id?: string): void {
    if (id === undefined) this.#cache.clear();
    else this.#cache.delete(id);
  }
}
