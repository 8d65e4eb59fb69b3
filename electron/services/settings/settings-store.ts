import Conf from 'conf';
import { settingsDefaults, settingsSchema, SETTINGS_VERSION, type Settings } from './settings-schema';
import { settingsMigrations } from './settings-migrations';

export type SettingsStore = Conf<Settings>;

const configName = 'settings';

/**
 * Opens `<dataDir>/settings.json` with its schema and migrations. conf validates every read
 * against the schema, so an older layout would be refused before its migration could run: the
 * migrations therefore run first on a schema-less handle, then the file is opened with the schema.
 * conf writes atomically; a file that still fails the schema throws with the field named instead of
 * being reset (nothing is lost).
 */
export function openSettings(dataDir: string): SettingsStore {
  new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName,
    projectVersion: SETTINGS_VERSION,
    migrations: settingsMigrations,
    clearInvalidConfig: false,
  });
  return new Conf<Settings>({
    cwd: dataDir,
    configName,
    schema: settingsSchema,
    defaults: settingsDefaults,
    clearInvalidConfig: false,
  });
}
