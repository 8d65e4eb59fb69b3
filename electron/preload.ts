import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isChannelName, isEventName } from '../shared/ipc/names';
import { ELECTRON_CANCEL_CHANNEL, ELECTRON_DRAG_OUT_CHANNEL, ELECTRON_EVENT_CHANNEL, ELECTRON_GRANT_PATH_CHANNEL, ELECTRON_INVOKE_CHANNEL, isCallId, type ApiBridge } from '../shared/ipc/wire';

/**
 * The renderer's whole view of the main process: `invoke` and `cancel` for contract channels, `on` for
 * contract events, `pathForFile` (a File's place on disk) and `startDrag` (native drag-out, checked in main).
 */
type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(ELECTRON_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

export const api: ApiBridge = {
  invoke(channel, input, callId) {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named ${typeof channel === 'string' ? JSON.stringify(channel) : typeof channel}.` } });
    }
    return ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, channel, input, isCallId(callId) ? callId : undefined);
  },
  cancel(callId) {
    if (isCallId(callId)) ipcRenderer.send(ELECTRON_CANCEL_CHANNEL, callId);
  },
  on(event, listener) {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  pathForFile(file) {
    let found: string;
    try {
      found = webUtils.getPathForFile(file as File);
    } catch {
      return ''; // not a File: it has no place on disk
    }
    // Main reads only paths that came through here from a real dropped or picked File, never one the page names.
    if (found) ipcRenderer.send(ELECTRON_GRANT_PATH_CHANNEL, found);
    return found;
  },
  startDrag(request) {
    ipcRenderer.send(ELECTRON_DRAG_OUT_CHANNEL, request);
  },
};

contextBridge.exposeInMainWorld('api', api);
