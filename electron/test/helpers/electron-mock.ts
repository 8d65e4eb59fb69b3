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
  /** One-way messages (ipcRenderer.send) go to listeners added with `on`. */
  listeners: new Map<string, Set<Handler>>(),
  on: vi.fn((channel: string, listener: Handler) => {
    ipcMain.listeners.set(channel, (ipcMain.listeners.get(channel) ?? new Set()).add(listener));
  }),
  removeListener: vi.fn((channel: string, listener: Handler) => {
    ipcMain.listeners.get(channel)?.delete(listener);
  }),
  /** What Electron does when the renderer sends `channel`. */
  emit(channel: string, event: unknown, ...args: unknown[]): void {
    for (const listener of ipcMain.listeners.get(channel) ?? []) listener(event, ...args);
  },
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
  send: vi.fn((_channel: string, ..._args: unknown[]) => undefined),
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

/** Files made with `new File(...)` in tests have no place on disk; `diskPaths` gives some one. */
export const webUtils = {
  diskPaths: new WeakMap<object, string>(),
  getPathForFile: vi.fn((file: object) => {
    if (!(file instanceof Blob)) throw new TypeError('Error processing argument at index 0, conversion failure from');
    return webUtils.diskPaths.get(file) ?? '';
  }),
};

export const utilityProcess = { fork: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined) };

export default { ipcMain, ipcRenderer, contextBridge, webUtils, utilityProcess, shell };
