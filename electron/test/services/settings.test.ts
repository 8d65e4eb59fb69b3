import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { confBackend, openSettingsWith, type SettingsBackend } from '../../services/settings/settings-store';
import { SETTINGS_VERSION } from '../../services/settings/settings-schema';
import { electronStoreBackend } from '../../adapters/electron-settings';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * electron-store imports `electron` and asks it for the app's folder and version. No Electron binary
 * exists here, so `electron` is replaced by the few parts electron-store touches (as Electron Fiddle
 * does); every settings file still goes through electron-store's and conf's real code on disk.
 */
const electronApp = vi.hoisted(() => ({ userData: '', version: '0.1.0' }));
vi.mock('electron', () => {
  const app = { getPath: (name: string) => (name === 'userData' ? electronApp.userData : ''), getVersion: () => electronApp.version };
  const ipcMain = { on: () => undefined };
  const shell = { openPath: async () => '' };
  return { default: { app, ipcMain, shell }, app, ipcMain, shell };
});

const tempDir = useTempDirs();

const v1File = {
  profiles: [
    { id: 'local', name: 'Local library', kind: 'local', endpoint: 'http://127.0.0.1:4000/local', publicKey: 'public_local', hasKey: false },
    { id: 'work', name: 'Work', kind: 'imagekit', endpoint: 'https://ik.imagekit.io/work/', publicKey: 'public_work', hasKey: true },
    { name: 'no id, unusable' },
  ],
  currentProfile: 'work',
  windowBounds: { x: 10, y: 20, width: 1200, height: 800 },
  __internal__: { migrations: { version: '1.0.0' } },
};

const backends: [string, SettingsBackend][] = [
  ['conf (web host, CLI)', confBackend],
  ['electron-store (Electron main process)', electronStoreBackend],
];

describe.each(backends)('settings through %s', (_name, backend) => {
  const open = (dir: string) => openSettingsWith(backend, dir);

  it('starts with defaults in <dataDir>/settings.json and records the layout version', async () => {
    const dir = await tempDir();
    const settings = open(dir);
    expect(settings.path).toBe(path.join(dir, 'settings.json'));
    expect(settings.get('profiles')).toEqual([]);
    expect(settings.get('window')).toEqual({ bounds: null, maximized: false });
    settings.set('activeProfileId', 'local');
    const file = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(file.__internal__.migrations.version).toBe(SETTINGS_VERSION);
    expect(file.activeProfileId).toBe('local');
  });

  it('migrates a 1.0.0 file to the current layout, dropping unusable entries', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(v1File));
    const settings = open(dir);
    expect(settings.get('profiles')).toEqual([
      { id: 'local', name: 'Local library', kind: 'local', urlEndpoint: 'http://127.0.0.1:4000/local', publicKey: 'public_local', keyStorage: 'none' },
      { id: 'work', name: 'Work', kind: 'imagekit', urlEndpoint: 'https://ik.imagekit.io/work', publicKey: 'public_work', keyStorage: 'keychain' },
    ]);
    expect(settings.get('activeProfileId')).toBe('work');
    expect(settings.get('window')).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false });
    const file = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(file).not.toHaveProperty('currentProfile');
    expect(file).not.toHaveProperty('windowBounds');
    expect(file.__internal__.migrations.version).toBe(SETTINGS_VERSION);
  });

  it('runs a migration once: reopening a migrated file changes nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(v1File));
    open(dir);
    const once = await readFile(path.join(dir, 'settings.json'), 'utf8');
    open(dir);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(once);
  });

  it('refuses a value outside the schema and keeps the stored one', async () => {
    const dir = await tempDir();
    const settings = open(dir);
    settings.set('window', { bounds: { width: 900, height: 600 }, maximized: false });
    expect(() => settings.set('window', { bounds: { width: 10, height: 600 }, maximized: false })).toThrow(/schema violation/);
    expect(settings.get('window').bounds).toEqual({ width: 900, height: 600 });
  });

  it('does not silently reset a file that fails the schema: it says what is wrong and leaves it alone', async () => {
    const dir = await tempDir();
    const broken = JSON.stringify({ profiles: 'oops', __internal__: { migrations: { version: SETTINGS_VERSION } } });
    await writeFile(path.join(dir, 'settings.json'), broken);
    expect(() => open(dir)).toThrow(/profiles/);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(broken);
  });
});

describe('one schema and one migration list for both backends', () => {
  it('migrates the same 1.0.0 file to byte-identical settings through conf and electron-store', async () => {
    const [viaConf, viaElectron] = [await tempDir(), await tempDir()];
    for (const dir of [viaConf, viaElectron]) await writeFile(path.join(dir, 'settings.json'), JSON.stringify(v1File));
    openSettingsWith(confBackend, viaConf);
    openSettingsWith(electronStoreBackend, viaElectron);
    const written = await Promise.all([viaConf, viaElectron].map((dir) => readFile(path.join(dir, 'settings.json'), 'utf8')));
    expect(JSON.parse(written[0]).profiles).toHaveLength(2);
    expect(written[1]).toBe(written[0]);
  });

  it('runs migrations by the settings layout version, not the app version electron-store would default to', async () => {
    // An app version below the layout version would skip the 2.0.0 migration if it were used.
    electronApp.version = '0.1.0';
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(v1File));
    expect(openSettingsWith(electronStoreBackend, dir).get('activeProfileId')).toBe('work');
  });

  it('hands a file from one backend to the other unchanged (the desktop app and the web host share a data folder)', async () => {
    const dir = await tempDir();
    const desktop = openSettingsWith(electronStoreBackend, dir);
    desktop.set('activeProfileId', 'work');
    desktop.set('window', { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true });
    const web = openSettingsWith(confBackend, dir);
    expect(web.get('activeProfileId')).toBe('work');
    expect(web.get('window')).toEqual({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true });
  });

  it('keeps electron-store in its own folder when no data dir is given: the app folder electron reports', async () => {
    electronApp.userData = await tempDir();
    const store = electronStoreBackend<Record<string, unknown>>({ configName: 'probe' });
    expect(store.path).toBe(path.join(electronApp.userData, 'probe.json'));
  });
});
