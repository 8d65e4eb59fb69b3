import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

vi.mock('electron', () => import('../helpers/electron-mock'));

const { ipcMain } = await import('../helpers/electron-mock');
const { registerElectronIpc } = await import('../../ipc/electron-ipc-adapter');
const { createRouter } = await import('../../../shared/ipc/router');
const { EventHub } = await import('../../services/app/event-hub');
const { ELECTRON_CANCEL_CHANNEL, ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } = await import('../../../shared/ipc/wire');
const { appWindowContents, frame } = await import('../helpers/fake-web-contents');

const status = { profileId: 'local', state: 'connected' as const, message: 'Connected', checkedAt: null };

function setup() {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const router = createRouter(
    {
      'app.info': () => ({ name: 'MediaDesk', version: '1', host: 'electron', platform: 'linux', keychain: 'available', dataDir: '/d' }),
      'profiles.list': () => (calls.push('profiles.list'), []),
      'profiles.save': () => { throw new Error('unused'); },
      'profiles.delete': ({ id }) => ({ id }),
      'profiles.activate': () => { throw new Error('unused'); },
      'profiles.testConnection': () => status,
      'connection.status': () => status,
      // A slow call that ends only when its signal is aborted: what a search against a slow server looks like.
      'library.searchNames': (_input, call) =>
        new Promise((_resolve, reject) => {
          calls.push('library.searchNames');
          signals.push(call.signal as AbortSignal);
          call.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    },
    { validateOutput: true, log: () => undefined },
  );
  const events = new EventHub(true);
  const win = appWindowContents();
  const log = vi.fn();
  const unregister = registerElectronIpc({ router, events, trustedContents: () => win.asWebContents(), log });
  const event = (senderFrame = win.mainFrame, sender = win) =>
    ({ sender: sender.asWebContents(), senderFrame } as unknown as IpcMainInvokeEvent);
  return { calls, signals, events, win, log, unregister, event };
}

describe('Electron IPC adapter', () => {
  beforeEach(() => {
    ipcMain.handlers.clear();
    ipcMain.listeners.clear();
  });

  it('routes an invoke from our main frame and answers with the envelope', async () => {
    const { event, calls } = setup();
    await expect(ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'profiles.list', undefined)).resolves.toEqual({ ok: true, data: [] });
    expect(calls).toEqual(['profiles.list']);
  });

  it('refuses a subframe with NOT_ALLOWED and never reaches the router', async () => {
    const { event, calls, win, log } = setup();
    const sub = frame('app://renderer/index.html', win.mainFrame);
    const result = await ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(sub), 'profiles.list', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses a foreign page in another webContents', async () => {
    const { event, calls } = setup();
    const foreign = appWindowContents('https://evil.example/');
    const result = await ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(foreign.mainFrame, foreign), 'profiles.list', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(calls).toEqual([]);
  });

  it('passes unknown channels and bad input to the router, which answers with envelopes', async () => {
    const { event } = setup();
    await expect(ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'shell.exec', 'rm -rf /')).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'profiles.delete', { id: 42 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('forwards events to the trusted window only, and stops after unregistering', () => {
    const { events, win, unregister } = setup();
    events.emit('connection.changed', status);
    expect(win.sent).toEqual([[ELECTRON_EVENT_CHANNEL, 'connection.changed', status]]);
    unregister();
    events.emit('connection.changed', status);
    expect(win.sent).toHaveLength(1);
    expect(ipcMain.handlers.has(ELECTRON_INVOKE_CHANNEL)).toBe(false);
  });

  it('cancels a running call by its call id: the handler signal aborts and the call answers CANCELLED', async () => {
    const { event, signals } = setup();
    const answer = ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'library.searchNames', { text: 'cat' }, 'page-1');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(), 'page-1');
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(signals[0]!.aborted).toBe(true);
  });

  it('ignores a cancel from a subframe or another page, and one naming no running call', async () => {
    const { event, signals, win, log } = setup();
    const answer = ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'library.searchNames', { text: 'cat' }, 'page-2');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    const foreign = appWindowContents('https://evil.example/');
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(frame('app://renderer/index.html', win.mainFrame)), 'page-2');
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(foreign.mainFrame, foreign), 'page-2');
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(), 'page-3');
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(), { length: 1 });
    expect(signals[0]!.aborted).toBe(false);
    expect(log).toHaveBeenCalledTimes(2);
    ipcMain.emit(ELECTRON_CANCEL_CHANNEL, event(), 'page-2');
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('runs a call without a usable call id as before (it just cannot be cancelled)', async () => {
    const { event, calls } = setup();
    await expect(ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'profiles.list', undefined, '<script>')).resolves.toEqual({ ok: true, data: [] });
    expect(calls).toEqual(['profiles.list']);
  });

  it('aborts the calls still running when it is unregistered (shutdown)', async () => {
    const { event, signals, unregister } = setup();
    const answer = ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event(), 'library.searchNames', { text: 'cat' }, 'page-4');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    unregister();
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses to push an event whose payload drifted from the contract', () => {
    const { events } = setup();
    expect(() => events.emit('connection.changed', { ...status, state: 'fine' } as never)).toThrow(/connection.changed payload/);
  });
});
