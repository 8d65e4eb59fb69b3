import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import type { LocalLibraryHandle } from '../../services/local-library/local-library';
import { ELECTRON_DRAG_OUT_CHANNEL, ELECTRON_GRANT_PATH_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../../shared/ipc/wire';
import { appWindowContents, type FakeWebContents } from '../helpers/fake-web-contents';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * electron/main.ts, the composition root, run against a stand-in `electron` module: what happens at
 * import (scheme registration, the single-instance lock) and once the app is ready (hardening, the
 * app:// and file:// handlers, IPC, the window, shutdown). The Local library's utility process is
 * replaced by the real emulator started in this process, so the services are the real ones.
 */
const tempDir = useTempDirs();

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents: FakeWebContents = appWindowContents();
  loaded: string | undefined;
  focused = 0;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    FakeWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  restore = vi.fn();
  focus() {
    this.focused += 1;
  }
  show = vi.fn();
  maximize = vi.fn();
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 10, width: 1000, height: 700 });
}

/** A utilityProcess child that runs the Local library in this process and speaks its messages. */
function fakeUtilityFork(started: LocalLibraryHandle[]) {
  return vi.fn((_entry: string, args: string[]) => {
    const child = Object.assign(new EventEmitter(), {
      kill: vi.fn(),
      postMessage: (message: { type: string }) => {
        if (message.type === 'close') void Promise.all(started.map((l) => l.close())).then(() => child.emit('exit', 0));
      },
    });
    void startLocalLibraryInProcess({ dataDir: args[args.indexOf('--data') + 1] }).then((library) => {
      started.push(library);
      const { apiUrl, urlEndpoint, publicKey, privateKey } = library;
      child.emit('message', { type: 'ready', apiUrl, urlEndpoint, publicKey, privateKey });
    });
    return child;
  });
}

async function loadMain(options: { gotLock: boolean }) {
  const dataDir = await tempDir();
  const picked = await tempDir();
  const started: LocalLibraryHandle[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn(() => dataDir),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: vi.fn(() => options.gotLock),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const session = {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
  };
  const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [picked] })) };
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  const ipc = await import('../helpers/electron-mock');
  ipc.ipcMain.handlers.clear();
  ipc.ipcMain.listeners.clear();
  FakeWindow.created = [];
  vi.resetModules();
  const electron = {
    app,
    protocol,
    session,
    Menu,
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn() },
    dialog,
    nativeImage: { createFromPath: vi.fn() },
    ipcMain: ipc.ipcMain,
    utilityProcess: { fork: fakeUtilityFork(started) },
  };
  vi.doMock('electron', () => ({ ...electron, default: electron }));
  await import('../../main');
  return { app, protocol, session, Menu, dialog, ipcMain: ipc.ipcMain, started, picked, dataDir };
}

let shutdown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await shutdown?.();
  shutdown = undefined;
  vi.doUnmock('electron');
});

/** Quits the way Electron does: before-quit, which main.ts defers until the services are closed. */
async function quit(app: EventEmitter & { quit: ReturnType<typeof vi.fn> }) {
  app.emit('before-quit', { preventDefault: vi.fn() });
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 15_000 });
}

describe('electron/main.ts', () => {
  it('quits at once when another instance holds the lock, opening nothing', async () => {
    const { app, protocol } = await loadMain({ gotLock: false });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    // Privileged schemes must still be registered before ready, whatever happens next.
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(FakeWindow.created).toEqual([]);
  });

  it('composes the hardened app when ready: permissions, app:// and file://, IPC, one window', async () => {
    const loaded = await loadMain({ gotLock: true });
    const { app, protocol, session, Menu, dialog, ipcMain, picked, dataDir } = loaded;
    shutdown = () => quit(app);
    await vi.waitFor(() => expect(FakeWindow.created).toHaveLength(1), { timeout: 30_000 });
    const [window] = FakeWindow.created;

    expect(app.setName).toHaveBeenCalledWith('MediaDesk');
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(protocol.handle.mock.calls.map(([scheme]) => scheme).sort()).toEqual(['app', 'file']);
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(window.loaded).toBe('app://renderer/index.html');

    // The window's main frame reaches the real services; another webContents does not.
    const call = (sender: FakeWebContents, channel: string, input?: unknown) =>
      ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, { sender, senderFrame: sender.mainFrame }, channel, input);
    await expect(call(window.webContents, 'profiles.list')).resolves.toMatchObject({ ok: true, data: [{ id: 'local', active: true }] });
    await expect(call(appWindowContents(), 'profiles.list')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await expect(call(window.webContents, 'app.info')).resolves.toMatchObject({ ok: true, data: { host: 'electron', version: '0.0.0-test' } });
    // Folder dialog and native drag-out are wired to this window.
    const save = (directory: string) => call(window.webContents, 'library.saveOriginals', { fileIds: ['aaaaaaaaaaaaaaaaaaaaaaaa'], directory });
    await expect(save(picked)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await expect(call(window.webContents, 'app.pickDirectory')).resolves.toEqual({ ok: true, data: { directory: picked } });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
    // The folder the dialog produced may now receive originals (the unknown file fails on its own); no other may.
    await expect(save(picked)).resolves.toMatchObject({ ok: true, data: { failed: [{ item: 'aaaaaaaaaaaaaaaaaaaaaaaa' }] } });
    await expect(save(dataDir)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(ipcMain.listeners.get(ELECTRON_DRAG_OUT_CHANNEL)?.size).toBe(1);
    // Paths from dropped or picked files reach the services' grants.
    const dropped = path.join(picked, 'dropped.txt');
    await writeFile(dropped, 'dropped');
    const upload = () => call(window.webContents, 'uploads.nearDuplicates', { sources: [{ kind: 'path', path: dropped }], targetFolder: '/' });
    await expect(upload()).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    ipcMain.emit(ELECTRON_GRANT_PATH_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, dropped);
    await expect(upload()).resolves.toMatchObject({ ok: true, data: [] });

    // A second launch focuses the existing window instead of opening another.
    app.emit('second-instance');
    expect(window.focused).toBe(1);
    expect(FakeWindow.created).toHaveLength(1);
  });

  it('closes the services (and the Local library) before it lets the app quit', async () => {
    const { app, started } = await loadMain({ gotLock: true });
    await vi.waitFor(() => expect(FakeWindow.created).toHaveLength(1), { timeout: 30_000 });
    const [library] = started;
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce(), { timeout: 15_000 });
    await expect(fetch(library.apiUrl)).rejects.toThrow(); // the emulator no longer listens
    // The second before-quit (from that app.quit) goes through.
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
