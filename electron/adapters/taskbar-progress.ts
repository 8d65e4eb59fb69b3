import type { EventHub } from '../services/app/event-hub';

/** The slice of BrowserWindow this needs, so it is testable without Electron. */
export interface ProgressWindow {
  isDestroyed(): boolean;
  setProgressBar(progress: number): void;
}

/**
 * Mirrors the upload queue's total progress on the taskbar/dock icon: a fraction while bytes are
 * moving, cleared (-1) when a batch ends or nothing is left to send.
 */
export function bindTaskbarProgress(events: Pick<EventHub, 'subscribe'>, window: () => ProgressWindow | null): () => void {
  return events.subscribe((event, payload) => {
    const target = window();
    if (!target || target.isDestroyed()) return;
    if (event === 'uploads.total') {
      const { total } = payload as { total: { bytesSent: number; totalBytes: number } };
      const active = total.totalBytes > 0 && total.bytesSent < total.totalBytes;
      target.setProgressBar(active ? total.bytesSent / total.totalBytes : -1);
    } else if (event === 'uploads.batchDone') {
      target.setProgressBar(-1);
    }
  });
}
