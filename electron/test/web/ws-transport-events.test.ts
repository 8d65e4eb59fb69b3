import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { Router } from '../../../shared/ipc/index';
import type { HostFrame } from '../../../shared/ipc/wire';
import { EventHub } from '../../services/app/event-hub';
import { EVENT_BATCH_MS, serveSocket } from '../../web/ws-transport';

/** The part of a ws WebSocket serveSocket uses: what it sends is kept, parsed. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: HostFrame[] = [];
  send(text: string) {
    this.sent.push(JSON.parse(text) as HostFrame);
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
}

const connection = (state: string) => ({ profileId: 'p', state }) as never;

describe('web transport: events', () => {
  let socket: FakeSocket;
  let hub: EventHub;
  let answer: (value: unknown) => void;

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    hub = new EventHub(false);
    const router = { dispatch: () => new Promise((resolve) => (answer = resolve)) } as unknown as Router;
    serveSocket(socket as unknown as WebSocket, router, hub);
  });
  afterEach(() => vi.useRealTimers());

  it('sends the events emitted within EVENT_BATCH_MS as one frame, in order, each as it was when emitted', () => {
    const payload = { profileId: 'p', state: 'checking' };
    hub.emit('connection.changed', payload as never);
    payload.state = 'changed later';
    hub.emit('profiles.changed', [] as never);
    hub.emit('connection.changed', connection('connected'));
    expect(socket.sent).toEqual([]);
    vi.advanceTimersByTime(EVENT_BATCH_MS);
    expect(socket.sent).toEqual([
      {
        t: 'evts',
        events: [
          { event: 'connection.changed', payload: { profileId: 'p', state: 'checking' } },
          { event: 'profiles.changed', payload: [] },
          { event: 'connection.changed', payload: { profileId: 'p', state: 'connected' } },
        ],
      },
    ]);
    hub.emit('connection.changed', connection('unreachable'));
    vi.advanceTimersByTime(EVENT_BATCH_MS);
    expect(socket.sent).toHaveLength(2);
  });

  it('sends the events emitted before an answer ahead of it, without waiting for the batch', async () => {
    socket.emit('message', Buffer.from(JSON.stringify({ t: 'req', id: 7, channel: 'app.info', input: {} })), false);
    hub.emit('connection.changed', connection('connected'));
    answer({ ok: true, data: 'info' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent.map((f) => f.t)).toEqual(['evts', 'res']);
    hub.emit('connection.changed', connection('unreachable'));
    vi.advanceTimersByTime(EVENT_BATCH_MS);
    expect(socket.sent.map((f) => f.t)).toEqual(['evts', 'res', 'evts']);
  });

  it('sends nothing once the socket closed, and no timer is left', () => {
    hub.emit('connection.changed', connection('connected'));
    socket.close();
    hub.emit('connection.changed', connection('unreachable'));
    vi.advanceTimersByTime(EVENT_BATCH_MS * 2);
    expect(socket.sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
