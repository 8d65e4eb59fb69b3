import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { app, BrowserWindow, dialog, Menu, nativeImage, protocol, screen, session, shell } from 'electron';
import { createAppServices } from './services/app/create-app-services';
import { defaultDataDir } from './services/app/data-dir';
import { registerAppScheme, serveAppProtocol } from './adapters/app-protocol';
import { installHardening } from './adapters/hardening';
import { isAllowedExternalUrl } from './adapters/external-links';
import { createMainWindow } from './adapters/main-window';
import { menuTemplate } from './adapters/menu';
import { startLocalLibraryInUtilityProcess } from './adapters/utility-local-library';
import { registerElectronIpc } from './ipc/electron-ipc-adapter';
import { bindTaskbarProgress } from './adapters/taskbar-progress';
import { createDragOut, type SavedOriginals } from './adapters/drag-out';
import { directoryPicker } from './adapters/save-dialog';
import { openElectronSettings } from './adapters/electron-settings';

/**
 * Composition root of the Electron app (bundled to dist/electron/main.js). Wiring only: every
 * decision lives in services/ (tested in Node) or adapters/ (tested with electron mocked).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const isDev = !app.isPackaged;
const log = (message: string, error?: unknown) => console.error(`[mediadesk] ${message}`, error ?? '');

app.setName('MediaDesk');
app.setPath('userData', defaultDataDir());
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(async () => {
    installHardening(app, session.defaultSession, shell);
    serveAppProtocol(protocol, rendererDir);
    const services = await createAppServices({
      dataDir: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      startLocalLibrary: startLocalLibraryInUtilityProcess(path.join(here, 'local-library.js')),
      openSettings: openElectronSettings,
      validate: isDev,
      log,
      pickDirectory: directoryPicker(dialog, () => window, () => app.getPath('downloads')),
    });
    const openExternal = (url: string) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, isDev, { openExternal })));
    const dragOut = createDragOut({
      nativeImage,
      fileIcon: (file) => app.getFileIcon(file),
      saveOriginals: async (request) => {
        const result = await services.router.dispatch('library.saveOriginals', request, { transport: 'electron' });
        if (!result.ok) throw new Error(result.error.message);
        return result.data as SavedOriginals;
      },
      allowSaveInto: (directory) => services.grants.grantWrite(directory),
      tempRoot: os.tmpdir(),
      log,
    });
    const unregister = registerElectronIpc({
      router: services.router,
      events: services.events,
      trustedContents: () => (window && !window.isDestroyed() ? window.webContents : null),
      log,
      dragOut: (sender, request) => void dragOut.start(sender, request),
      grantPath: (path) => void services.grants.grantRead(path),
    });
    window = createMainWindow({ BrowserWindow, screen, settings: services.settings, preloadPath: path.join(here, 'preload.cjs') });
    window.on('closed', () => (window = null));
    const unbindProgress = bindTaskbarProgress(services.events, () => window);
    void services.monitor.activeStatus();

    app.on('window-all-closed', () => app.quit());
    let closing = false;
    app.on('before-quit', (event) => {
      if (closing) return;
      closing = true;
      event.preventDefault();
      unregister();
      unbindProgress();
      void Promise.allSettled([dragOut.close(), services.close()]).finally(() => app.quit());
    });
  }).catch((error: unknown) => {
    log('MediaDesk could not start', error);
    app.exit(1);
  });
}
