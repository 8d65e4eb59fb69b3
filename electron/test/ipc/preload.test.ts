import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../../shared/ipc/wire';

vi.mock('electron', () => import('../helpers/electron-mock'));

const { contextBridge, ipcRenderer, webUtils } = await import('../helpers/electron-mock');
const { ELECTRON_CANCEL_CHANNEL, ELECTRON_DRAG_OUT_CHANNEL, ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } = await import('../../../shared/ipc/wire');

let api: ApiBridge;

describe('preload', () => {
  beforeAll(async () => {
    await import('../../preload');
    api = contextBridge.exposed.get('api') as ApiBridge;
  });

  it('exposes exactly one global, `api`, with invoke, cancel, on, pathForFile and startDrag', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['cancel', 'invoke', 'on', 'pathForFile', 'startDrag']);
  });

  it("gives a File's place on disk through webUtils, and '' for files without one or non-files", () => {
    const onDisk = new File(['x'], 'a.jpg');
    webUtils.diskPaths.set(onDisk, '/home/me/album/a.jpg');
    expect(api.pathForFile!(onDisk)).toBe('/home/me/album/a.jpg');
    expect(webUtils.getPathForFile).toHaveBeenLastCalledWith(onDisk);
    expect(api.pathForFile!(new File(['x'], 'pasted.png'))).toBe('');
    expect(api.pathForFile!({ name: 'not a file' })).toBe('');
  });

  it('sends drag-out requests one way on their own channel (the main process checks them)', () => {
    api.startDrag!({ fileIds: ['f1', 'f2'], profileId: 'local' });
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(ELECTRON_DRAG_OUT_CHANNEL, { fileIds: ['f1', 'f2'], profileId: 'local' });
  });

  it('invokes contract channels over the one IPC channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: [] });
    await expect(api.invoke('profiles.list', undefined)).resolves.toEqual({ ok: true, data: [] });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ELECTRON_INVOKE_CHANNEL, 'profiles.list', undefined, undefined);
  });

  it('names a call with its call id and cancels it one way on the cancel channel; odd ids are never sent', async () => {
    await api.invoke('library.searchNames', { text: 'cat' }, 'page1-7');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ELECTRON_INVOKE_CHANNEL, 'library.searchNames', { text: 'cat' }, 'page1-7');
    api.cancel!('page1-7');
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(ELECTRON_CANCEL_CHANNEL, 'page1-7');
    ipcRenderer.send.mockClear();
    api.cancel!('x'.repeat(65));
    api.cancel!({ toString: () => 'page1-7' } as never);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    await api.invoke('library.searchNames', { text: 'cat' }, '../../etc' as never);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ELECTRON_INVOKE_CHANNEL, 'library.searchNames', { text: 'cat' }, undefined);
  });

  it('answers a channel outside the contract itself, without touching IPC', async () => {
    ipcRenderer.invoke.mockClear();
    const result = await api.invoke('app.quit', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events with the payload only (never the Electron event), and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.on('connection.changed', (...args: unknown[]) => seen.push(args));
    ipcRenderer.emit(ELECTRON_EVENT_CHANNEL, 'connection.changed', { state: 'connected' });
    ipcRenderer.emit(ELECTRON_EVENT_CHANNEL, 'profiles.changed', []);
    off();
    ipcRenderer.emit(ELECTRON_EVENT_CHANNEL, 'connection.changed', { state: 'unreachable' });
    expect(seen).toEqual([[{ state: 'connected' }]]);
  });

  it('stays a few dozen lines: the allow-list comes from names.ts, everything else lives in the main process', async () => {
    const source = await readFile(new URL('../../preload.ts', import.meta.url), 'utf8');
    expect(source.split('\n').length).toBeLessThanOrEqual(60);
  });

  it('ignores subscriptions to events outside the contract', () => {
    const seen: unknown[] = [];
    api.on('ipc.raw', (p) => seen.push(p));
    ipcRenderer.emit(ELECTRON_EVENT_CHANNEL, 'ipc.raw', 'x');
    expect(seen).toEqual([]);
  });
});
