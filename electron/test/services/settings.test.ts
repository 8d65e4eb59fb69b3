import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings } from '../../services/settings/settings-store';
import { SETTINGS_VERSION } from '../../services/settings/settings-schema';
import { useTempDirs } from '../helpers/temp-dir';

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

describe('settings', () => {
  it('starts with defaults in <dataDir>/settings.json and records the layout version', async () => {
    const dir = await tempDir();
    const settings = openSettings(dir);
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
    const settings = openSettings(dir);
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
    openSettings(dir);
    const once = await readFile(path.join(dir, 'settings.json'), 'utf8');
    openSettings(dir);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(once);
  });

  it('refuses a value outside the schema and keeps the stored one', async () => {
    const dir = await tempDir();
    const settings = openSettings(dir);
    settings.set('window', { bounds: { width: 900, height: 600 }, maximized: false });
    expect(() => settings.set('window', { bounds: { width: 10, height: 600 }, maximized: false })).toThrow(/schema violation/);
    expect(settings.get('window').bounds).toEqual({ width: 900, height: 600 });
  });

  it('does not silently reset a file that fails the schema: it says what is wrong and leaves it alone', async () => {
    const dir = await tempDir();
    const broken = JSON.stringify({ profiles: 'oops', __internal__: { migrations: { version: SETTINGS_VERSION } } });
    await writeFile(path.join(dir, 'settings.json'), broken);
    expect(() => openSettings(dir)).toThrow(/profiles/);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(broken);
  });
});
