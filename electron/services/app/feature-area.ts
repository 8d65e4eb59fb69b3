import type { Handlers } from '../../../shared/ipc/index';
import type { ProfileService } from '../profiles/profile-service';
import type { ProfileSessions } from '../sessions/profile-sessions';
import type { SettingsStore } from '../settings/settings-store';
import type { EventHub } from './event-hub';
import type { GrantedPaths } from '../security/granted-paths';
import type { StagedIntake } from '../upload-area/staged-intake';
import type { TransferArchives } from '../transfer/backup-area';

/** What every feature area may build on: the core services both hosts compose. */
export interface CoreServices {
  /** App data dir: per-profile state of a feature goes under `<dataDir>/profiles/<profileId>/`. */
  dataDir: string;
  profiles: ProfileService;
  /** Each profile's endpoint, keys and SDK client, resolved once per call and cached (see withSessions). */
  sessions: ProfileSessions;
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
  /** The uploads area takes file bytes a host receives outside the contract (the web host's HTTP upload). */
  stagedIntake?: StagedIntake;
  /** The transfers area streams backup .zip files to and from the web host (its zip routes). */
  archives?: TransferArchives;
  close?(): Promise<void> | void;
}

export type FeatureAreaFactory = (core: CoreServices) => FeatureArea | Promise<FeatureArea>;
