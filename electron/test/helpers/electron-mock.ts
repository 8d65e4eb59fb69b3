import { vi } from 'vitest';

/**
 * A hand-written stand-in for the parts of `electron` our adapters touch, for
 * `vi.mock('electron', () => import('../helpers/electron-mock'))`. No Electron binary exists on
 * these machines, so adapters are tested against this; services never import electron at all.
 */
type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  /** What Electron does when the renderer invokes `channel`. */
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler(event, ...args));
  },
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export const ipcRenderer = {
  listeners: new Map<string, RendererListener[]>(),
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })),
  on: vi.fn((channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), listener]);
  }),
  /** What Electron does when main sends `channel` to this renderer. */
  emit(channel: string, ...args: unknown[]): void {
    for (const listener of ipcRenderer.listeners.get(channel) ?? []) listener({ sender: 'IpcRendererEvent' }, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const utilityProcess = { fork: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined) };

export default { ipcMain, ipcRenderer, contextBridge, utilityProcess, shell };
