import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 };
export const MIN_WINDOW_SIZE = { width: 800, height: 520 };

/**
 * The main window's options. Pure (type-only Electron import) so the hardening is unit-tested:
 * context isolation, the OS sandbox, no Node in the page, no <webview>, no remote content tricks.
 */
export function mainWindowOptions(preloadPath: string, bounds: Partial<Rectangle> | null): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: bounds?.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'MediaDesk',
    show: false, // shown on ready-to-show, so there is no white flash
    backgroundColor: '#1e1f22',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
