import type { Result } from '../../../shared/ipc/result';
import type { ApiBridge, CancelFrame, HostFrame, RequestFrame } from '../../../shared/ipc/wire';

type WireResult = Result<unknown>;

/**
 * 'connecting' before the first open, 'open', 'closed' (never opened: the host refused or is not
 * there) and 'lost' (was open, dropped; reconnecting in the background).
 */
export type LinkState = 'connecting' | 'open' | 'closed' | 'lost';

/** Thrown (as a rejection) when the host itself cannot be reached; distinct from an error envelope. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
}

export interface WsBridge extends ApiBridge {
  /** Current state of the socket, and a subscription to its changes (for the status bar). */
  linkState(): LinkState;
  onLinkState(listener: (state: LinkState) => void): () => void;
  close(): void;
}

export interface WsBridgeOptions {
  openSocket?: (url: string) => WebSocket;
  /** Waits between reconnect attempts after a drop; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
}

interface Pending {
  resolve: (result: WireResult) => void;
  reject: (error: Error) => void;
}

const LOST = 'Lost the connection to the MediaDesk host.';
// A socket refused before it ever opened is most often a stale link: the host prints a new token per run.
const REFUSED = 'Could not connect to the MediaDesk host. Is it running, and is this the link it printed?';

/**
 * window.api over a WebSocket. Connects lazily and queues requests until the socket opens. When an
 * open socket drops, in-flight requests fail at once and the bridge reconnects in the background,
 * so pushes resume without a reload; a socket that never opened is retried only by the next call.
 */
export function createWsBridge(url: string, options: WsBridgeOptions = {}): WsBridge {
  const openSocket = options.openSocket ?? ((u: string) => new WebSocket(u));
  const delays = options.reconnectDelaysMs ?? [500, 1_000, 2_000, 5_000];
  let socket: WebSocket | undefined;
  let state: LinkState = 'closed';
  let everOpened = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closedByUs = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const queue: RequestFrame[] = [];
  /** The frame id of each named call still waiting for its answer (see cancel). */
  const frameOfCall = new Map<string, number>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: LinkState) => void>();

  function setState(next: LinkState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  }

  function failAll(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    queue.length = 0;
    for (const p of waiting) p.reject(new TransportError(message));
  }

  function onFrame(raw: unknown): void {
    let frame: HostFrame;
    try {
      frame = JSON.parse(String(raw)) as HostFrame;
    } catch {
      return; // nothing to route it to; a request it might have answered fails when the socket closes
    }
    if (frame.t === 'res') {
      const waiter = pending.get(frame.id);
      if (!waiter) return;
      pending.delete(frame.id);
      waiter.resolve(frame.result);
    } else if (frame.t === 'evts' && Array.isArray(frame.events)) {
      for (const entry of frame.events as unknown[]) {
        // An entry that is not an event is skipped; the ones around it still arrive.
        if (typeof entry !== 'object' || entry === null || typeof (entry as { event?: unknown }).event !== 'string') continue;
        const { event, payload } = entry as { event: string; payload: unknown };
        for (const listener of eventListeners.get(event) ?? []) listener(payload);
      }
    }
  }

  function scheduleReconnect(): void {
    if (retryTimer !== undefined || closedByUs) return;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1_000;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, delay);
  }

  function connect(): void {
    if (socket) return;
    closedByUs = false;
    if (retryTimer !== undefined) {
      clearTimeout(retryTimer);
      retryTimer = undefined;
    }
    if (!everOpened) setState('connecting');
    const ws = openSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      everOpened = true;
      attempt = 0;
      setState('open');
      for (const frame of queue.splice(0)) ws.send(JSON.stringify(frame));
    });
    ws.addEventListener('message', (e: MessageEvent) => {
      if (socket === ws) onFrame(e.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = undefined;
      setState(everOpened ? 'lost' : 'closed');
      failAll(everOpened ? LOST : REFUSED);
      if (everOpened) scheduleReconnect();
    });
  }

  return {
    invoke(channel, input, callId) {
      const frame: RequestFrame = { t: 'req', id: nextId++, channel, input };
      const answer = new Promise<WireResult>((resolve, reject) => {
        pending.set(frame.id, { resolve, reject });
        connect();
        if (state === 'open' && socket) socket.send(JSON.stringify(frame));
        else queue.push(frame);
      });
      if (callId === undefined) return answer;
      frameOfCall.set(callId, frame.id);
      const forget = () => {
        if (frameOfCall.get(callId) === frame.id) frameOfCall.delete(callId);
      };
      answer.then(forget, forget);
      return answer;
    },
    cancel(callId) {
      const id = frameOfCall.get(callId);
      if (id === undefined) return;
      const queued = queue.findIndex((frame) => frame.id === id);
      if (queued >= 0) {
        // Never sent: nothing runs on the host, so the answer is given here.
        queue.splice(queued, 1);
        const waiter = pending.get(id);
        pending.delete(id);
        waiter?.resolve({ ok: false, error: { code: 'CANCELLED', message: 'The call was cancelled before it was sent.' } });
        return;
      }
      // The host stops the work and answers CANCELLED under the same id.
      const frame: CancelFrame = { t: 'cancel', id };
      if (state === 'open' && socket) socket.send(JSON.stringify(frame));
    },
    on(event, listener) {
      connect(); // pushes only arrive over an open socket
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    linkState: () => state,
    onLinkState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      closedByUs = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      const ws = socket;
      socket = undefined;
      setState('closed');
      failAll('The connection to the MediaDesk host was closed.');
      ws?.close();
    },
  };
}
