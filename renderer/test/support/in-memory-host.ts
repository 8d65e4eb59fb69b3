import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { ConnectionStatus } from '../../../shared/domain/connection';
import { keyHintOf, type ProfileView } from '../../../shared/domain/profile';

/**
 * A main side for component tests: the real contract router in front of an in-memory profile list.
 * Keys are checked against `validKeys` so "Connected" and "Key rejected" come from the same rule
 * the real host applies (ImageKit answering 401 to a wrong pair).
 */
export interface InMemoryHost {
  bridge: ApiBridge;
  /** Every request the renderer made, in order, as it crossed the boundary. */
  calls: { channel: string; input: unknown }[];
  /** Private keys as the "keychain" holds them (never part of any answer). */
  secrets: Map<string, string>;
  keychainAvailable: boolean;
  /** What the router logged (handler crashes, output drift); tests expect none. */
  problems: string[];
  emit(event: string, payload: unknown): void;
}

/** The Local library profile as the component tests' hosts present it. */
export const LOCAL: ProfileView = {
  id: 'local',
  name: 'Local library',
  kind: 'local',
  urlEndpoint: 'http://127.0.0.1:40000/local',
  publicKey: 'public_local',
  hasPrivateKey: true,
  keyHint: '…ocal',
  keyStorage: 'embedded',
  active: true,
};

export function createInMemoryHost(options: { validKeys?: Record<string, string>; profiles?: ProfileView[] } = {}): InMemoryHost {
  const validKeys = options.validKeys ?? {};
  let profiles: ProfileView[] = structuredClone(options.profiles ?? [LOCAL]);
  const secrets = new Map<string, string>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: InMemoryHost['calls'] = [];
  let nextId = 1;

  function check(profileId: string | null, publicKey: string, privateKey: string | undefined): ConnectionStatus {
    const checkedAt = new Date().toISOString();
    if (validKeys[publicKey] !== undefined && validKeys[publicKey] === privateKey) {
      return { profileId, state: 'connected', message: 'Connected', checkedAt };
    }
    return { profileId, state: 'key_rejected', message: 'Key rejected: ImageKit did not accept this key pair.', checkedAt };
  }

  const statusOf = (p: ProfileView): ConnectionStatus =>
    p.kind === 'local'
      ? { profileId: p.id, state: 'connected', message: 'Connected', checkedAt: null }
      : check(p.id, p.publicKey, secrets.get(p.id));

  const find = (id: string) => {
    const p = profiles.find((x) => x.id === id);
    if (!p) throw new AppError('NOT_FOUND', `No profile with id ${id}.`);
    return p;
  };

  const handlers: Partial<Handlers> = {
    'app.info': () => ({ name: 'MediaDesk', version: '0.0.0', host: 'web', platform: 'linux', keychain: host.keychainAvailable ? 'available' : 'unavailable', dataDir: '/tmp/x' }),
    'profiles.list': () => profiles,
    'profiles.save': (draft) => {
      if (draft.privateKey && !host.keychainAvailable && draft.keyStorage !== 'session') {
        throw new AppError('KEYCHAIN_UNAVAILABLE', 'No system keychain is available, so the private key cannot be stored.');
      }
      const id = draft.id ?? `p${nextId++}`;
      if (draft.privateKey) secrets.set(id, draft.privateKey);
      const key = secrets.get(id);
      const previous = profiles.find((p) => p.id === id);
      const profile: ProfileView = {
        id,
        name: draft.name,
        kind: 'imagekit',
        urlEndpoint: draft.urlEndpoint,
        publicKey: draft.publicKey,
        hasPrivateKey: Boolean(key),
        keyHint: keyHintOf(key),
        keyStorage: key ? (draft.keyStorage ?? previous?.keyStorage ?? 'keychain') : 'none',
        active: previous?.active ?? false,
      };
      profiles = previous ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile];
      return { profile, connection: statusOf(profile) };
    },
    'profiles.delete': ({ id }) => {
      find(id);
      profiles = profiles.filter((p) => p.id !== id);
      secrets.delete(id);
      return { id };
    },
    'profiles.activate': ({ id }) => {
      find(id);
      profiles = profiles.map((p) => ({ ...p, active: p.id === id }));
      return find(id);
    },
    'profiles.testConnection': (target) => {
      if ('id' in target) return statusOf(find(target.id));
      const { draft } = target;
      const key = draft.privateKey ?? (draft.id ? secrets.get(draft.id) : undefined);
      return check(draft.id ?? null, draft.publicKey, key);
    },
    'connection.status': () => statusOf(profiles.find((p) => p.active) ?? LOCAL),
  };

  const problems: string[] = [];
  const router = createRouter(handlers, {
    validateOutput: true,
    log: (message, error) => problems.push(`${message}: ${String(error)}`),
  });

  const host: InMemoryHost = {
    calls,
    problems,
    secrets,
    keychainAvailable: true,
    bridge: {
      async invoke(channel, input) {
        // Structured clone stands in for the IPC/WebSocket boundary: nothing shared by reference.
        calls.push({ channel, input: structuredClone(input) });
        return structuredClone(await router.dispatch(channel, input, { transport: 'test' }));
      },
      on(event, listener) {
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(structuredClone(payload));
    },
  };
  return host;
}
