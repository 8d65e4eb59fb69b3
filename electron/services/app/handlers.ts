import { AppError, type Handlers } from '../../../shared/ipc/index';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { ProfileConnection, ProfileService } from '../profiles/profile-service';
import { apiBaseUrlFor } from '../profiles/endpoints';
import type { ConnectionMonitor } from '../connection/connection-monitor';
import type { GrantedPaths } from '../security/granted-paths';

export interface HandlerDeps {
  profiles: ProfileService;
  monitor: ConnectionMonitor;
  info: () => AppInfo;
  grants: GrantedPaths;
  /** The host's folder dialog (Electron); absent where the page cannot get a folder path (web host). */
  pickDirectory?: () => Promise<string | null>;
}

/** Maps each contract channel to the services. Thin on purpose: logic lives in the services. */
/** The core channels (app, profiles, connection); feature areas bring their own handlers. */
export function createHandlers({ profiles, monitor, info, grants, pickDirectory }: HandlerDeps): Partial<Handlers> {
  return {
    'app.info': () => info(),
    'app.pickDirectory': async () => {
      if (!pickDirectory) throw new AppError('NOT_ALLOWED', 'This host cannot open a folder dialog; the browser downloads the files instead.');
      const directory = await pickDirectory();
      // The person chose this folder in our own dialog just now: originals may be saved into it.
      if (directory !== null) await grants.grantWrite(directory);
      return { directory };
    },
    'profiles.list': () => profiles.list(),
    'profiles.save': async (draft) => {
      // Saving changes the profile's revision, so its cached session is rebuilt on the next call.
      const profile = await profiles.save(draft);
      monitor.forget(profile.id);
      const connection = await monitor.checkProfile(profile.id);
      return { profile: await profiles.get(profile.id), connection };
    },
    'profiles.delete': async ({ id }) => {
      await profiles.delete(id);
      monitor.forget(id);
      return { id };
    },
    'profiles.activate': async ({ id }) => {
      const view = await profiles.activate(id);
      void monitor.checkProfile(id); // the status bar hears the outcome as connection.changed
      return view;
    },
    'profiles.testConnection': async (target) => {
      if ('id' in target) return monitor.checkProfile(target.id);
      const { draft } = target;
      // A typed key is tested wherever the person says; a saved one only at its saved endpoint.
      if (!draft.privateKey && draft.id) {
        const saved = await profiles.connectionAt(draft.id, draft.urlEndpoint);
        return monitor.checkDraft({ ...saved, publicKey: draft.publicKey });
      }
      if (!draft.privateKey) throw new AppError('BAD_INPUT', 'privateKey: Enter the private key to test the connection.');
      const connection: ProfileConnection = {
        profileId: draft.id ?? null,
        urlEndpoint: draft.urlEndpoint,
        publicKey: draft.publicKey,
        privateKey: draft.privateKey,
        apiBaseUrl: apiBaseUrlFor(draft.urlEndpoint),
      };
      return monitor.checkDraft(connection);
    },
    'connection.status': () => monitor.activeStatus(),
  };
}
