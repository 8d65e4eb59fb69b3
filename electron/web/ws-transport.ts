import type { WebSocket } from 'ws';
import type { CallContext, Router } from '../../shared/ipc/index';
import type { HostFrame } from '../../shared/ipc/wire';
import type { EventHub } from '../services/app/event-hub';

/** Parses a renderer frame; anything but a well-formed request is rejected without routing. */
function parseRequest(raw: string): { id: number; channel: unknown; input: unknown } | { id: number | null; error: string } {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return { id: null, error: 'The frame is not JSON.' };
  }
  if (typeof frame !== 'object' || frame === null) return { id: null, error: 'The frame is not an object.' };
  const f = frame as Record<string, unknown>;
  const id = typeof f.id === 'number' && Number.isSafeInteger(f.id) ? f.id : null;
  if (f.t !== 'req' || id === null) return { id, error: 'Expected {"t":"req","id":<integer>,"channel":…,"input":…}.' };
  return { id, channel: f.channel, input: f.input };
}

/**
 * Carries the contract over one WebSocket: requests go through the same router as Electron's IPC,
 * every answer is an envelope, and events from the hub are forwarded while the socket is open.
 */
export function serveSocket(socket: WebSocket, router: Router, events: EventHub): void {
  const ctx: CallContext = { transport: 'web' };
  const send = (frame: HostFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribe = events.subscribe((event, payload) => send({ t: 'evt', event, payload }));
  socket.on('close', unsubscribe);
  // A frame that breaks the protocol (invalid UTF-8, over maxPayload, bad opcode) is reported here after
  // ws has already started closing this one connection with the matching code (1007, 1009, 1002).
  // Without a listener the 'error' would be thrown and end the host.
  socket.on('error', () => undefined);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'binary frames are not part of the protocol');
      return;
    }
    const request = parseRequest(data.toString());
    if ('error' in request) {
      if (request.id === null) socket.close(1007, request.error);
      else send({ t: 'res', id: request.id, result: { ok: false, error: { code: 'BAD_INPUT', message: request.error } } });
      return;
    }
    router.dispatch(request.channel, request.input, ctx).then(
      (result) => send({ t: 'res', id: request.id, result }),
      () => send({ t: 'res', id: request.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The request failed inside MediaDesk.' } } }),
    );
  });
}
