import ElectronStore from 'electron-store';
import type { Options } from 'conf';
import { openSettingsWith, type SettingsBackend, type SettingsStore } from '../services/settings/settings-store';

/**
 * electron-store as the settings backend of the Electron main process. It extends conf, so the
 * schema, defaults and migrations are the very ones the web host uses (settings-store.ts).
 *
 * electron-store names the file `name` where conf says `configName`, and its types leave out
 * `projectVersion` because it defaults that to the app's version. The settings layout has its own
 * version (SETTINGS_VERSION), which decides which migrations run, so it is passed through: at run
 * time electron-store keeps a given one (`options.projectVersion ||= app.getVersion()`).
 *
 * Constructing it in the main process also registers electron-store's one synchronous IPC listener
 * (`electron-store-get-data`), which answers with the userData path and app version; the page
 * already learns the data folder through `app.info`, so nothing new is exposed.
 */
export const electronStoreBackend: SettingsBackend = <T extends Record<string, unknown>>(options: Options<T>) => {
  const { configName, ...rest } = options;
  const electronOptions: ConstructorParameters<typeof ElectronStore<T>>[0] & { projectVersion?: string } = { ...rest, name: configName };
  return new ElectronStore<T>(electronOptions);
};

/** `<dataDir>/settings.json` through electron-store. */
export function openElectronSettings(dataDir: string): SettingsStore {
  return openSettingsWith(electronStoreBackend, dataDir);
}
