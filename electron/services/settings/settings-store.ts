import Conf, { type Options } from 'conf';
import { settingsDefaults, settingsSchema, SETTINGS_VERSION, type Settings } from './settings-schema';
import { settingsMigrations } from './settings-migrations';

/**
 * The settings port: what services read and write. Both backends (conf, and electron-store, which
 * extends conf) answer it; a value outside the schema throws instead of being stored.
 */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** The settings file, for messages that say which file is wrong. */
  readonly path: string;
}

/**
 * Constructs the store from conf's options. conf itself serves the web host, the CLI and Node tests;
 * the Electron main process passes electron-store (electron/adapters/electron-settings.ts).
 */
export type SettingsBackend = <T extends Record<string, unknown>>(options: Options<T>) => Conf<T>;

const configName = 'settings';

/**
 * Opens `<dataDir>/settings.json` with its schema and migrations. conf validates every read
 * against the schema, so an older layout would be refused before its migration could run: the
 * migrations therefore run first on a schema-less handle, then the file is opened with the schema.
 * conf writes atomically; a file that still fails the schema throws with the field named instead of
 * being reset (nothing is lost).
 */
export function openSettingsWith(backend: SettingsBackend, dataDir: string): SettingsStore {
  backend<Record<string, unknown>>({
    cwd: dataDir,
    configName,
    projectVersion: SETTINGS_VERSION,
    migrations: settingsMigrations,
    clearInvalidConfig: false,
  });
  return backend<Settings>({
    cwd: dataDir,
    configName,
    schema: settingsSchema,
    defaults: settingsDefaults,
    clearInvalidConfig: false,
  });
}

export const confBackend: SettingsBackend = (options) => new Conf(options);

/** The settings through conf (web host, CLI, tests). */
export function openSettings(dataDir: string): SettingsStore {
  return openSettingsWith(confBackend, dataDir);
}
