import type Conf from 'conf';
import type { Settings } from './settings-schema';

/**
 * conf runs every migration whose version is above the file's recorded one, in order, when the
 * settings are opened. Version 1.0.0 was the layout of the 0.1 development builds:
 *   { profiles: [{ id, name, kind, endpoint, publicKey, hasKey }], currentProfile, windowBounds }
 * 2.0.0 renames those fields, records where each private key lives, and groups the window state.
 */
type Store = Conf<Record<string, unknown>>;

interface ProfileV1 {
  id?: unknown;
  name?: unknown;
  kind?: unknown;
  endpoint?: unknown;
  publicKey?: unknown;
  hasKey?: unknown;
}

function migrateTo2(store: Store): void {
  const legacy = store;
  const oldProfiles = legacy.get('profiles');
  if (Array.isArray(oldProfiles)) {
    const profiles = (oldProfiles as ProfileV1[])
      .filter((p) => typeof p.id === 'string' && p.id.length > 0)
      .map((p) => ({
        id: String(p.id),
        name: typeof p.name === 'string' ? p.name : String(p.id),
        kind: p.kind === 'local' ? ('local' as const) : ('imagekit' as const),
        urlEndpoint: typeof p.endpoint === 'string' ? p.endpoint.replace(/\/+$/, '') : '',
        publicKey: typeof p.publicKey === 'string' ? p.publicKey : '',
        keyStorage: p.hasKey === true ? ('keychain' as const) : ('none' as const),
      }));
    legacy.set('profiles', profiles);
  }
  if (legacy.has('currentProfile')) {
    const current = legacy.get('currentProfile');
    legacy.set('activeProfileId', typeof current === 'string' ? current : null);
    legacy.delete('currentProfile');
  }
  if (legacy.has('windowBounds')) {
    const bounds = legacy.get('windowBounds') as Settings['window']['bounds'];
    legacy.set('window', { bounds: bounds ?? null, maximized: false });
    legacy.delete('windowBounds');
  }
}

export const settingsMigrations: Record<string, (store: Store) => void> = {
  '2.0.0': migrateTo2,
};
