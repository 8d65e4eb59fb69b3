import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * Accept IPC only from the main frame of our own window showing our own renderer: not from a
 * subframe, not from another window or webContents, not from a page that navigated elsewhere.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: WebContents | null): boolean {
  if (!trusted || trusted.isDestroyed()) return false;
  if (event.sender !== trusted) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed before the message was handled
  if (frame.parent !== null) return false;
  // Compare identities by ids: WebFrameMain wrappers are not guaranteed to be the same object.
  const main = trusted.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}
