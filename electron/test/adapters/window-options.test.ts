import { describe, expect, it } from 'vitest';
import { mainWindowOptions, DEFAULT_WINDOW_SIZE } from '../../adapters/window-options';
import { restorableBounds } from '../../adapters/window-bounds';

describe('main window options', () => {
  it('isolates and sandboxes the renderer, with no Node and no webview', () => {
    const options = mainWindowOptions('/app/preload.cjs', null);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.show).toBe(false);
  });

  it('uses remembered bounds, or the default size when there are none', () => {
    expect(mainWindowOptions('/p', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    const fresh = mainWindowOptions('/p', null);
    expect(fresh).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(fresh).not.toHaveProperty('x');
  });
});

describe('restorable bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('keeps bounds that are on a display', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 1200, height: 800 }, screen)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('drops the position of a window left on a display that is gone, keeping its size', () => {
    expect(restorableBounds({ x: 2500, y: 50, width: 1200, height: 800 }, screen)).toEqual({ width: 1200, height: 800 });
  });

  it('never restores below the minimum size', () => {
    expect(restorableBounds({ width: 300, height: 200 }, screen)).toEqual({ width: 800, height: 520 });
  });

  it('returns null when nothing was saved', () => {
    expect(restorableBounds(null, screen)).toBeNull();
  });
});
