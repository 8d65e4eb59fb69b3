import type { Result } from './result';

/**
 * Frames of the web host's WebSocket (JSON). The Electron transport carries the same
 * `(channel, input) → Result` and `(event, payload)` pairs over IPC.
 */
export type RequestFrame = { t: 'req'; id: number; channel: string; input: unknown };
/** Stops the main-side work of request `id` on this socket; that request then answers CANCELLED. */
export type CancelFrame = { t: 'cancel'; id: number };
export type PageFrame = RequestFrame | CancelFrame;
export type ResponseFrame = { t: 'res'; id: number; result: Result<unknown> };
/**
 * Events from the main side (the Electron transport sends the same `(event, payload)` pairs one message each):
 * those emitted close together, in the order they were emitted. An upload moves each file through four or five
 * states: one frame per state change meant a write, a wake-up of the browser's network process and a message
 * event in the page for each, work that competed with the uploads themselves for the machine.
 */
export type EventsFrame = { t: 'evts'; events: { event: string; payload: unknown }[] };
export type HostFrame = ResponseFrame | EventsFrame;

/** The object the renderer sees as `window.api`, in Electron (preload) and in the browser (WebSocket). */
export interface ApiBridge {
  /** `callId` (optional, see isCallId) names the call so that `cancel(callId)` can stop it. */
  invoke(channel: string, input?: unknown, callId?: string): Promise<Result<unknown>>;
  /** Stops the main-side work of a call still running; it answers CANCELLED. Unknown ids are ignored. */
  cancel?(callId: string): void;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * Electron only: where a dropped or picked File sits on disk ('' when it has none, e.g. a pasted
   * image), so uploads can read it in place instead of staging its bytes through the window.
   */
  pathForFile?(file: object): string;
  /** Electron only: drags the originals of these files out of the window as real files (native drag). */
  startDrag?(request: DragOutRequest): void;
}

/** What the window asks for when files are dragged out of it (Electron's webContents.startDrag). */
export interface DragOutRequest {
  fileIds: string[];
  profileId?: string;
}

/** A call id as the page makes it: short, plain characters (it becomes a map key in the main process). */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** Electron IPC channel names used under the hood by the preload and the IPC adapter. */
export const ELECTRON_INVOKE_CHANNEL = 'mediadesk:invoke';
/** One-way message: cancel the call the page named with this call id. */
export const ELECTRON_CANCEL_CHANNEL = 'mediadesk:cancel';
export const ELECTRON_EVENT_CHANNEL = 'mediadesk:event';
/** One-way message: the window started dragging files out (answered with webContents.startDrag). */
export const ELECTRON_DRAG_OUT_CHANNEL = 'mediadesk:drag-out';
/**
 * One-way message from the preload: a path `webUtils.getPathForFile` just produced for a File the person
 * dropped or picked. The main process reads only such paths; sent before the path reaches the page,
 * so it arrives before any call that names it (one IPC pipe, in order).
 */
export const ELECTRON_GRANT_PATH_CHANNEL = 'mediadesk:grant-path';
