import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, type Router } from '../../shared/ipc/index';
import {
  ELECTRON_CANCEL_CHANNEL,
  ELECTRON_DRAG_OUT_CHANNEL,
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_GRANT_PATH_CHANNEL,
  ELECTRON_INVOKE_CHANNEL,
  isCallId,
} from '../../shared/ipc/wire';
import type { EventHub } from '../services/app/event-hub';
import { isTrustedSender } from './sender-validation';

export interface ElectronIpcOptions {
  router: Router;
  events: EventHub;
  /** The one window whose main frame may call in (null while none is open). */
  trustedContents: () => WebContents | null;
  log: (message: string) => void;
  /** Native drag-out (adapters/drag-out.ts), for one-way requests from the trusted window only. */
  dragOut?: (sender: WebContents, request: unknown) => void;
  /** Grants reading a path the preload got from `webUtils.getPathForFile` (services/security/granted-paths.ts). */
  grantPath?: (path: string) => void;
}

/**
 * The only user of ipcMain. One invoke channel carries `(channel, input, callId?)`; the router decides
 * whether that channel exists. A cancel message names a call id the same window gave to a call still
 * running. Events go to the trusted window only.
 * Returns a function that unregisters everything (tests, shutdown).
 */
export function registerElectronIpc({ router, events, trustedContents, log, dragOut, grantPath }: ElectronIpcOptions): () => void {
  const running = new Map<string, AbortController>();
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown, callId: unknown) => {
    if (!isTrustedSender(event, trustedContents())) {
      log(`refused IPC from ${event.senderFrame?.url ?? 'a destroyed frame'} (channel ${typeof channel === 'string' ? channel.slice(0, 80) : typeof channel})`);
      return fail('NOT_ALLOWED', 'This page is not allowed to talk to MediaDesk.');
    }
    // A call without a usable id simply cannot be cancelled; it runs as before.
    if (!isCallId(callId)) return router.dispatch(channel, input, { transport: 'electron' });
    const controller = new AbortController();
    running.set(callId, controller);
    try {
      return await router.dispatch(channel, input, { transport: 'electron', signal: controller.signal });
    } finally {
      if (running.get(callId) === controller) running.delete(callId);
    }
  });
  const onCancel = (event: IpcMainEvent, callId: unknown) => {
    if (!isTrustedSender(event, trustedContents())) log(`refused a cancel from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    else if (isCallId(callId)) running.get(callId)?.abort();
  };
  ipcMain.on(ELECTRON_CANCEL_CHANNEL, onCancel);
  const onDragOut = (event: IpcMainEvent, request: unknown) => {
    if (isTrustedSender(event, trustedContents())) dragOut?.(event.sender, request);
    else log(`refused a drag-out from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
  };
  ipcMain.on(ELECTRON_DRAG_OUT_CHANNEL, onDragOut);
  const onGrantPath = (event: IpcMainEvent, path: unknown) => {
    if (!isTrustedSender(event, trustedContents())) log(`refused a disk path from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    else if (typeof path === 'string' && path.length > 0 && path.length <= 32_768) grantPath?.(path);
  };
  ipcMain.on(ELECTRON_GRANT_PATH_CHANNEL, onGrantPath);
  const unsubscribe = events.subscribe((event, payload) => {
    const contents = trustedContents();
    if (contents && !contents.isDestroyed()) contents.send(ELECTRON_EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
    ipcMain.removeListener(ELECTRON_CANCEL_CHANNEL, onCancel);
    for (const controller of running.values()) controller.abort();
    running.clear();
    ipcMain.removeListener(ELECTRON_DRAG_OUT_CHANNEL, onDragOut);
    ipcMain.removeListener(ELECTRON_GRANT_PATH_CHANNEL, onGrantPath);
    unsubscribe();
  };
}
