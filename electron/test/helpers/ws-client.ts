import WebSocket from 'ws';
import type { Result } from '../../../shared/ipc/result';
import type { HostFrame } from '../../../shared/ipc/wire';

/** The events a host frame carries (an events frame holds those emitted close together). */
function eventsOf(frame: HostFrame): { event: string; payload: unknown }[] {
  return frame.t === 'evts' ? frame.events : [];
}

export interface TestClient {
  request(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** A request whose frame id is known, so a test can send `{"t":"cancel","id":…}` for it. */
  start(channel: string, input?: unknown): { id: number; answer: Promise<Result<unknown>> };
  sendRaw(text: string): void;
  /** Every frame the host sent, raw text, in order. */
  received: string[];
  events(name: string): unknown[];
  nextEvent(name: string, predicate?: (payload: unknown) => boolean): Promise<unknown>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens the web host's WebSocket the way the renderer does; rejects with the HTTP status if refused. */
export function connect(port: number, token: string, origin: string | null = `http://127.0.0.1:${port}`): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, origin ? { origin } : {});
  const received: string[] = [];
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const waiters: { name: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  let nextId = 1;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data) => {
    const text = data.toString();
    received.push(text);
    const frame = JSON.parse(text);
    if (frame.t === 'res') pending.get(frame.id)?.(frame.result);
    for (const event of eventsOf(frame)) {
      for (const w of waiters.splice(0)) {
        if (w.name === event.event && w.predicate(event.payload)) w.resolve(event.payload);
        else waiters.push(w);
      }
    }
  });
  const start = (channel: string, input?: unknown) => {
    const id = nextId++;
    const answer = new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ t: 'req', id, channel, input }));
    });
    return { id, answer };
  };
  const client: TestClient = {
    request: (channel, input) => start(channel, input).answer,
    start,
    sendRaw: (text) => ws.send(text),
    received,
    events: (name) =>
      received
        .flatMap((t) => eventsOf(JSON.parse(t)))
        .filter((e) => e.event === name)
        .map((e) => e.payload),
    nextEvent: (name, predicate = () => true) => new Promise((resolve) => waiters.push({ name, predicate, resolve })),
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`refused with ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}
