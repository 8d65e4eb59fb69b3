import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainEvent } from 'electron';
import type { ApiBridge } from '../../../shared/ipc/wire';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { startAppHarness, type AppHarness } from '../helpers/core-harness';
import { appWindowContents, frame, type FakeWebContents } from '../helpers/fake-web-contents';

vi.mock('electron', () => import('../helpers/electron-mock'));
const { contextBridge, ipcMain, ipcRenderer, webUtils } = await import('../helpers/electron-mock');
const { registerElectronIpc } = await import('../../ipc/electron-ipc-adapter');
const { ELECTRON_GRANT_PATH_CHANNEL, ELECTRON_INVOKE_CHANNEL } = await import('../../../shared/ipc/wire');

/**
 * The Electron path of a disk path, with electron mocked and the real services behind it: the preload
 * turns a dropped File into a path with webUtils and reports it to main, the IPC adapter grants it only
 * for the app's own main frame, and uploads read only such paths.
 */
let h: AppHarness;
let api: ApiBridge;
let win: FakeWebContents;
let unregister: () => void;
const log = vi.fn();
let dropped: string;
let beside: string;

beforeAll(async () => {
  h = await startAppHarness('electron-grants', { version: '0.0.0-test', keychain: new MemorySecretStore() });
  const disk = path.join(h.root, 'disk');
  await mkdir(disk);
  dropped = path.join(disk, 'dropped.txt');
  beside = path.join(disk, 'beside.txt');
  await writeFile(dropped, 'the person dropped this');
  await writeFile(beside, 'the person did not drop this');
  dropped = await realpath(dropped);
  beside = await realpath(beside);
  await import('../../preload');
  api = contextBridge.exposed.get('api') as ApiBridge;
});

beforeEach(() => {
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.send.mockClear();
  log.mockClear();
  win = appWindowContents();
  unregister?.();
  unregister = registerElectronIpc({
    router: h.app.router,
    events: h.app.events,
    trustedContents: () => win.asWebContents(),
    log,
    grantPath: (p) => void h.app.grants.grantRead(p),
  });
});

afterAll(async () => {
  unregister?.();
  await h?.close();
});

const from = (senderFrame = win.mainFrame, sender = win) => ({ sender: sender.asWebContents(), senderFrame }) as unknown as IpcMainEvent;

/** What Electron does with the preload's one-way messages: deliver them to main, from the window's main frame. */
function deliverSentMessages(event = from()): void {
  for (const [channel, ...args] of ipcRenderer.send.mock.calls) ipcMain.emit(channel as string, event, ...args);
  ipcRenderer.send.mockClear();
}

const addPath = (p: string) =>
  ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, from(), 'uploads.add', { sources: [{ kind: 'path', path: p }], targetFolder: '/desk', options: {} });

describe('Electron: disk paths come from webUtils, through the preload, granted by main', () => {
  it('pathForFile reports the path webUtils produced to main before handing it to the page; nothing for a pasted File', () => {
    const file = new File(['x'], 'dropped.txt');
    webUtils.diskPaths.set(file, dropped);
    expect(api.pathForFile!(file)).toBe(dropped);
    expect(ipcRenderer.send.mock.calls).toEqual([[ELECTRON_GRANT_PATH_CHANNEL, dropped]]);
    ipcRenderer.send.mockClear();
    expect(api.pathForFile!(new File(['x'], 'pasted.png'))).toBe('');
    expect(api.pathForFile!({ not: 'a file' })).toBe('');
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('uploads a dropped file by path, and refuses a path the page typed itself', async () => {
    const file = new File(['x'], 'dropped.txt');
    webUtils.diskPaths.set(file, dropped);
    api.pathForFile!(file);
    deliverSentMessages();
    const batchDone = h.waitFor('uploads.batchDone');
    await expect(addPath(dropped)).resolves.toMatchObject({ ok: true });
    expect((await batchDone).summary.counts.done).toBe(1);

    for (const typed of [beside, '/etc/passwd']) {
      await expect(addPath(typed)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('only reads files you dropped or picked') } });
    }
  });

  it('ignores a grant from a subframe or another webContents, and says so in the log', async () => {
    const sub = frame('app://renderer/index.html', win.mainFrame);
    ipcMain.emit(ELECTRON_GRANT_PATH_CHANNEL, from(sub), beside);
    ipcMain.emit(ELECTRON_GRANT_PATH_CHANNEL, from(undefined, appWindowContents('https://evil.example/')), beside);
    expect(log).toHaveBeenCalledTimes(2);
    await expect(addPath(beside)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('ignores grants that are not a path string', async () => {
    for (const junk of [42, null, { toString: () => beside }, '', 'x'.repeat(40_000)]) ipcMain.emit(ELECTRON_GRANT_PATH_CHANNEL, from(), junk);
    await expect(addPath(beside)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
