import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../adapters/menu';
import { createMainWindow } from '../../adapters/main-window';
import { openSettings } from '../../services/settings/settings-store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.role ?? item.label ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean);
}

describe('menus', () => {
  it('has the standard menus with accelerators on Linux and Windows, devtools only in dev', () => {
    const prod = menuTemplate('linux', false, { openExternal: vi.fn() });
    expect(roles(prod)).toEqual(expect.arrayContaining(['&File', 'quit', 'editMenu', '&View', 'reload', 'zoomIn', 'togglefullscreen', 'windowMenu', 'help']));
    expect(roles(prod)).not.toContain('toggleDevTools');
    expect(roles(prod)).not.toContain('appMenu');
    const quit = (prod[0].submenu as MenuItemConstructorOptions[]).find((i) => i.role === 'quit');
    expect(quit?.accelerator).toBe('Ctrl+Q');
    expect(roles(menuTemplate('linux', true, { openExternal: vi.fn() }))).toContain('toggleDevTools');
  });

  it('has the app menu on macOS', () => {
    expect(menuTemplate('darwin', false, { openExternal: vi.fn() })[0].role).toBe('appMenu');
  });

  it('opens documentation through the external-link action', () => {
    const openExternal = vi.fn();
    const help = menuTemplate('linux', false, { openExternal }).find((m) => m.role === 'help');
    (help?.submenu as MenuItemConstructorOptions[])[0].click?.({} as never, undefined, {} as never);
    expect(openExternal).toHaveBeenCalledWith('https://docs.imagekit.io/');
  });
});

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  loaded: string | undefined;
  shown = false;
  maximized = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  constructor(public options: Record<string, unknown>) {
    super();
    this.bounds = { x: (options.x as number) ?? 0, y: (options.y as number) ?? 0, width: options.width as number, height: options.height as number };
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() { this.shown = true; }
  maximize() { this.maximized = true; }
  isMaximized() { return this.maximized; }
  getNormalBounds() { return this.bounds; }
}

describe('main window', () => {
  it('loads the app over app://, shows when ready, and remembers its bounds across runs', async () => {
    const dataDir = await tempDir();
    const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as never };
    const deps = { BrowserWindow: FakeBrowserWindow as unknown as typeof BrowserWindow, screen, preloadPath: '/p.cjs' };

    const first = createMainWindow({ ...deps, settings: openSettings(dataDir) }) as unknown as FakeBrowserWindow;
    expect(first.loaded).toBe('app://renderer/index.html');
    expect(first.shown).toBe(false);
    first.emit('ready-to-show');
    expect(first.shown).toBe(true);
    first.bounds = { x: 120, y: 80, width: 1111, height: 777 };
    first.maximized = true;
    first.emit('close');

    const second = createMainWindow({ ...deps, settings: openSettings(dataDir) }) as unknown as FakeBrowserWindow;
    expect(second.options).toMatchObject({ x: 120, y: 80, width: 1111, height: 777 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });
});
