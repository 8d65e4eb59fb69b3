import type { WebSocket } from 'ws';
import type { CallContext, Router } from '../../shared/ipc/index';
import type { HostFrame } from '../../shared/ipc/wire';
import type { EventHub } from '../services/app/event-hub';

type ParsedFrame = { t: 'req'; id: number; channel: unknown; input: unknown } | { t: 'cancel'; id: number } | { id: number | null; error: string };

/** Parses a renderer frame; anything but a well-formed request or cancel is rejected without routing. */
function parseFrame(raw: string): ParsedFrame {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return { id: null, error: 'The frame is not JSON.' };
  }
  if (typeof frame !== 'object' || frame === null) return { id: null, error: 'The frame is not an object.' };
  const f = frame as Record<string, unknown>;
  const id = typeof f.id === 'number' && Number.isSafeInteger(f.id) ? f.id : null;
  if (f.t === 'cancel' && id !== null) return { t: 'cancel', id };
  if (f.t !== 'req' || id === null) return { id, error: 'Expected {"t":"req","id":<integer>,"channel":…,"input":…} or {"t":"cancel","id":<integer>}.' };
  return { t: 'req', id, channel: f.channel, input: f.input };
}

/** Events are gathered for this long and go out as one frame (EventsFrame, which says why); too short to see. */
export const EVENT_BATCH_MS = 20;

/**
 * Carries the contract over one WebSocket: requests go through the same router as Electron's IPC,
 * every answer is an envelope, and events from the hub are forwarded while the socket is open.
 * A cancel frame, or the socket closing, aborts the signal of the requests still running.
 */
export function serveSocket(socket: WebSocket, router: Router, events: EventHub): void {
  const running = new Map<number, AbortController>();
  const send = (frame: HostFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  // Each event is serialised when emitted (a payload changed afterwards does not change what was sent).
  const gathered: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flushEvents = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const frame = `{"t":"evts","events":[${gathered.join(',')}]}`;
    const any = gathered.length > 0;
    gathered.length = 0;
    if (any && socket.readyState === socket.OPEN) socket.send(frame);
  };
  const unsubscribe = events.subscribe((event, payload) => {
    gathered.push(JSON.stringify({ event, payload }));
    flushTimer ??= setTimeout(flushEvents, EVENT_BATCH_MS);
  });
  socket.on('close', () => {
    unsubscribe();
    clearTimeout(flushTimer);
    gathered.length = 0;
    // Nobody is left to read these answers: stop the work (searches, previews, folder counts) they started.
    for (const controller of running.values()) controller.abort();
    running.clear();
  });
  // A frame that breaks the protocol (invalid UTF-8, over maxPayload, bad opcode) is reported here after
  // ws has already started closing this one connection with the matching code (1007, 1009, 1002).
  // Without a listener the 'error' would be thrown and end the host.
  socket.on('error', () => undefined);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'binary frames are not part of the protocol');
      return;
    }
    const request = parseFrame(data.toString());
    if ('error' in request) {
      if (request.id === null) socket.close(1007, request.error);
      else send({ t: 'res', id: request.id, result: { ok: false, error: { code: 'BAD_INPUT', message: request.error } } });
      return;
    }
    if (request.t === 'cancel') {
      running.get(request.id)?.abort(); // an id that already finished (or never ran) has nothing to stop
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    const ctx: CallContext = { transport: 'web', signal: controller.signal };
    const done = () => {
      if (running.get(request.id) === controller) running.delete(request.id);
    };
    router.dispatch(request.channel, request.input, ctx).then(
      (result) => {
        done();
        // Events emitted before the answer arrive before it, as they would one frame each.
        flushEvents();
        send({ t: 'res', id: request.id, result });
      },
      () => {
        done();
        flushEvents();
        send({ t: 'res', id: request.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The request failed inside MediaDesk.' } } });
      },
    );
  });
}
