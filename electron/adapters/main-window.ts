import type { BrowserWindow as BrowserWindowClass, Screen } from 'electron';
import type { SettingsStore } from '../services/settings/settings-store';
import { APP_ENTRY_URL } from '../ipc/app-origin';
import { mainWindowOptions } from './window-options';
import { restorableBounds } from './window-bounds';

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindowClass;
  screen: Pick<Screen, 'getAllDisplays'>;
  settings: SettingsStore;
  preloadPath: string;
}

/** Opens the one app window where it was last closed, and remembers its bounds when it closes. */
export function createMainWindow({ BrowserWindow, screen, settings, preloadPath }: MainWindowDeps): BrowserWindowClass {
  const saved = settings.get('window');
  const bounds = restorableBounds(saved.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds));
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    settings.set('window', { bounds: { x, y, width, height }, maximized: window.isMaximized() });
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
