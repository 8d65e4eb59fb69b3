import { describe, expect, it, vi } from 'vitest';
import { createWsBridge, TransportError, type LinkState } from '../src/api/ws-bridge';
import { takeToken, webSocketUrl } from '../src/api/transport';

/**
 * A socket the test drives by hand: it records what the bridge sends and lets the test play the
 * host's side (open, answer, push, close). The real WebSocket path is covered by the e2e suite.
 */
class ScriptedSocket extends EventTarget {
  sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.dispatchEvent(new Event('open'));
  }
  receive(frame: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
  drop() {
    this.dispatchEvent(new Event('close'));
  }
}

function scripted() {
  const sockets: ScriptedSocket[] = [];
  const bridge = createWsBridge('ws://127.0.0.1:1/ws?token=t', {
    openSocket: (url) => {
      const s = new ScriptedSocket(url);
      sockets.push(s);
      return s as unknown as WebSocket;
    },
    reconnectDelaysMs: [10, 20],
  });
  return { bridge, sockets };
}

describe('WebSocket bridge', () => {
  it('queues requests until the socket opens, then matches answers to requests by id', async () => {
    const { bridge, sockets } = scripted();
    const first = bridge.invoke('profiles.list', undefined);
    const second = bridge.invoke('profiles.activate', { id: 'p1' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([
      { t: 'req', id: 1, channel: 'profiles.list' },
      { t: 'req', id: 2, channel: 'profiles.activate', input: { id: 'p1' } },
    ]);
    // Answers may come back in any order.
    sockets[0]!.receive({ t: 'res', id: 2, result: { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } } });
    sockets[0]!.receive({ t: 'res', id: 1, result: { ok: true, data: [] } });
    await expect(first).resolves.toEqual({ ok: true, data: [] });
    await expect(second).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('delivers pushed events to their listeners, in the order a frame holds them, until they unsubscribe', () => {
    const { bridge, sockets } = scripted();
    const seen: unknown[] = [];
    const off = bridge.on('connection.changed', (p) => seen.push(p));
    const profiles: unknown[] = [];
    bridge.on('profiles.changed', (p) => profiles.push(p));
    sockets[0]!.open();
    sockets[0]!.receive({
      t: 'evts',
      events: [
        { event: 'connection.changed', payload: { state: 'connected' } },
        { event: 'profiles.changed', payload: [] },
        { event: 'connection.changed', payload: { state: 'checking' } },
      ],
    });
    off();
    sockets[0]!.receive({ t: 'evts', events: [{ event: 'connection.changed', payload: { state: 'unreachable' } }] });
    expect(seen).toEqual([{ state: 'connected' }, { state: 'checking' }]);
    expect(profiles).toEqual([[]]);
  });

  it('ignores an events frame without a list of events, and entries that are not events', () => {
    const { bridge, sockets } = scripted();
    const seen: unknown[] = [];
    bridge.on('connection.changed', (p) => seen.push(p));
    sockets[0]!.open();
    sockets[0]!.receive({ t: 'evts', events: 'connection.changed' });
    sockets[0]!.receive({ t: 'evt', event: 'connection.changed', payload: 'old single-event frame' });
    sockets[0]!.receive({ t: 'evts', events: [null, 7, { payload: 'no name' }, { event: 'connection.changed', payload: 'ok' }] });
    expect(seen).toEqual(['ok']);
  });

  it('ignores malformed frames and answers to nobody', async () => {
    const { bridge, sockets } = scripted();
    const call = bridge.invoke('app.info', undefined);
    sockets[0]!.open();
    sockets[0]!.dispatchEvent(new MessageEvent('message', { data: 'not json' }));
    sockets[0]!.receive({ t: 'res', id: 99, result: { ok: true, data: 1 } });
    sockets[0]!.receive({ t: 'res', id: 1, result: { ok: true, data: 'info' } });
    await expect(call).resolves.toEqual({ ok: true, data: 'info' });
  });

  it('fails in-flight requests when an open socket drops, then reconnects by itself', async () => {
    const { bridge, sockets } = scripted();
    const states: LinkState[] = [];
    bridge.onLinkState((s) => states.push(s));
    const pushes: unknown[] = [];
    bridge.on('connection.changed', (p) => pushes.push(p));
    const lost = bridge.invoke('profiles.list', undefined);
    sockets[0]!.open();
    sockets[0]!.drop();
    await expect(lost).rejects.toThrow(TransportError);
    await expect(lost).rejects.toThrow('Lost the connection to the MediaDesk host.');
    expect(bridge.linkState()).toBe('lost');

    // No call needed: the bridge reconnects after its first delay, and pushes flow again.
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]!.open();
    sockets[1]!.receive({ t: 'evts', events: [{ event: 'connection.changed', payload: 'again' }] });
    expect(pushes).toEqual(['again']);
    expect(states).toEqual(['connecting', 'open', 'lost', 'open']);
  });

  it('keeps retrying with growing delays while the host stays away', async () => {
    const { bridge, sockets } = scripted();
    bridge.on('connection.changed', () => undefined);
    sockets[0]!.open();
    sockets[0]!.drop();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]!.drop(); // refused while the host restarts
    expect(bridge.linkState()).toBe('lost');
    await vi.waitFor(() => expect(sockets).toHaveLength(3));
    // A call made meanwhile does not wait for the timer: it connects at once and is sent on open.
    sockets[2]!.drop();
    const call = bridge.invoke('app.info', undefined);
    expect(sockets).toHaveLength(4);
    sockets[3]!.open();
    expect(sockets[3]!.sent).toEqual([{ t: 'req', id: 1, channel: 'app.info' }]);
    sockets[3]!.receive({ t: 'res', id: 1, result: { ok: true, data: 'info' } });
    await expect(call).resolves.toEqual({ ok: true, data: 'info' });
    bridge.close();
  });

  it('does not retry by itself when the socket never opened (a wrong link), only on the next call', async () => {
    const { bridge, sockets } = scripted();
    const first = bridge.invoke('profiles.list', undefined);
    sockets[0]!.drop();
    await expect(first).rejects.toThrow(/Could not connect/);
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets).toHaveLength(1);
    expect(bridge.linkState()).toBe('closed');
    void bridge.invoke('profiles.list', undefined).catch(() => undefined);
    expect(sockets).toHaveLength(2);
  });

  it('explains a socket refused before it opened as a stale link', async () => {
    const { bridge, sockets } = scripted();
    const call = bridge.invoke('profiles.list', undefined);
    sockets[0]!.drop();
    await expect(call).rejects.toThrow(/Could not connect to the MediaDesk host/);
  });
});

describe('token hand-off', () => {
  it('takes the token from the URL fragment, keeps it for reloads and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/index.html#token=abc%2B123');
    window.sessionStorage.clear();
    expect(takeToken()).toBe('abc+123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/index.html');
    // A reload has no fragment any more; the token comes from this tab's session storage.
    expect(takeToken()).toBe('abc+123');
  });

  it('builds the WebSocket URL on the page origin with the token escaped', () => {
    const loc = new URL('http://127.0.0.1:5123/#x') as unknown as Location;
    expect(webSocketUrl(loc, 'a b&c')).toBe('ws://127.0.0.1:5123/ws?token=a%20b%26c');
  });
});
