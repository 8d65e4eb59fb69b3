import type { Handlers } from '../../../shared/ipc/index';
import type { ProfileService } from '../profiles/profile-service';
import type { ImageKitClients } from '../imagekit/client-service';
import type { SettingsStore } from '../settings/settings-store';
import type { EventHub } from './event-hub';
import type { GrantedPaths } from '../security/granted-paths';

/** What every feature area may build on: the core services both hosts compose. */
export interface CoreServices {
  /** App data dir: per-profile state of a feature goes under `<dataDir>/profiles/<profileId>/`. */
  dataDir: string;
  profiles: ProfileService;
  clients: ImageKitClients;
  events: EventHub;
  settings: SettingsStore;
  /** Disk paths the renderer may name (dropped, picked, chosen in a dialog); empty in the web host. */
  grants: GrantedPaths;
  log: (message: string, error?: unknown) => void;
}

/**
 * A feature (library browser, uploads, editing, URLs, purge) contributes the handlers of its own
 * contract area (shared/ipc/areas/<area>.ts) and anything it must release on shutdown.
 */
export interface FeatureArea {
  handlers: Partial<Handlers>;
  close?(): Promise<void> | void;
}

export type FeatureAreaFactory = (core: CoreServices) => FeatureArea | Promise<FeatureArea>;
