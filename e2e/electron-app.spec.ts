import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { installedElectron, repoRoot } from '../scripts/electron-binary';
import { bundleElectron } from '../electron/build/bundle-electron';

// The desktop shell itself: the same UI as the web host, but loaded from app:// inside real Electron,
// with the preload bridge instead of the WebSocket. Every other spec drives the web host; this one
// needs an Electron binary, which machines without internet (CI here) cannot fetch.
const binary = installedElectron();

test.describe('the Electron app', () => {
  test.skip(!binary, 'No Electron binary is installed (electron@45 downloads it on first use and this machine is offline); run `npm start` once with internet, then this spec runs.');

  test('opens the Local library from app:// with the hardened bridge and no Node in the page', async () => {
    await bundleElectron();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-electron-'));
    const app = await electron.launch({ executablePath: binary, args: [repoRoot], env: { ...process.env, MEDIADESK_DATA_DIR: dataDir } });
    try {
      const window = await app.firstWindow();
      await expect(window.locator('[data-app-state="loaded"]')).toBeVisible();
      expect(new URL(window.url()).protocol).toBe('app:');
      await expect(window.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: 'Local library', exact: true })).toHaveAttribute('aria-current', 'true');
      await expect(window.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
      const page = await window.evaluate(() => ({
        bridge: Object.keys((window as unknown as { api: object }).api).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(page.bridge).toEqual(['invoke', 'on', 'pathForFile', 'startDrag']);
      expect(page.hasRequire).toBe('undefined');
      expect(page.hasProcess).toBe('undefined');
      // window.open is refused by the main process (external links go to the OS browser instead).
      const openedWindow = await window.evaluate(() => globalThis.open('https://example.com') === null);
      expect(openedWindow).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
