import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { Result } from '../../shared/ipc/result';
import type { ApiBridge } from '../../shared/ipc/wire';
import { invokeVia } from '../src/api/client';
import { ApiError } from '../src/api/errors';
import { setBridgeForTests } from '../src/api/transport';
import { useUrlPreview } from '../src/api/urls';
import { useFilePages } from '../src/api/library';
import { createWsBridge } from '../src/api/ws-bridge';
import { LOCAL } from './support/in-memory-host';

/**
 * A bridge whose previews and listings stay open until cancelled, recording what the renderer
 * asked for: which calls it named and which of them it cancelled.
 */
function holdingBridge() {
  const named: { channel: string; input: unknown; callId?: string }[] = [];
  const cancelled: string[] = [];
  const open = new Map<string, (result: Result<unknown>) => void>();
  const bridge: ApiBridge = {
    invoke(channel, input, callId) {
      named.push({ channel, input, callId });
      if (channel === 'profiles.list') return Promise.resolve({ ok: true, data: [LOCAL] });
      return new Promise((resolve) => {
        if (callId) open.set(callId, resolve);
      });
    },
    cancel(callId) {
      cancelled.push(callId);
      open.get(callId)?.({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
    },
    on: () => () => undefined,
  };
  return { bridge, named, cancelled };
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

afterEach(() => setBridgeForTests(undefined));

describe('renderer calls can be cancelled', () => {
  it('a superseded URL preview (the next slider change) cancels the call it replaced', async () => {
    const host = holdingBridge();
    setBridgeForTests(host.bridge);
    const draft = (width: number) => ({ src: '/a.jpg', transformation: [{ width: String(width) }] });
    const { rerender } = renderHook(({ width }) => useUrlPreview(draft(width), true), { wrapper, initialProps: { width: 300 } });
    await waitFor(() => expect(host.named.filter((c) => c.channel === 'urls.preview')).toHaveLength(1));
    const first = host.named.find((c) => c.channel === 'urls.preview')!;
    expect(first.callId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    rerender({ width: 310 });
    await waitFor(() => expect(host.cancelled).toEqual([first.callId]));
    expect(host.named.filter((c) => c.channel === 'urls.preview')).toHaveLength(2);
  });

  it('a superseded search (the next keystroke) cancels the listing it replaced', async () => {
    const host = holdingBridge();
    setBridgeForTests(host.bridge);
    const params = (searchQuery: string) => ({ folderPath: '/', scope: 'library' as const, sort: 'ASC_NAME' as const, fileType: 'all' as const, visibility: 'all' as const, searchQuery });
    const { rerender } = renderHook(({ q }) => useFilePages(params(q)), { wrapper, initialProps: { q: 'name : "ca"' } });
    await waitFor(() => expect(host.named.filter((c) => c.channel === 'library.list')).toHaveLength(1));
    const first = host.named.find((c) => c.channel === 'library.list')!;
    rerender({ q: 'name : "cat"' });
    await waitFor(() => expect(host.cancelled).toEqual([first.callId]));
  });

  it('rejects at once with CANCELLED when its signal aborts, without waiting for the host', async () => {
    const host = holdingBridge();
    const controller = new AbortController();
    const call = invokeVia(host.bridge, 'library.folderCounts', { folderPath: '/' }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toEqual(new ApiError('CANCELLED', 'The call was cancelled.', 'library.folderCounts'));
    expect(host.cancelled).toEqual([host.named[0]!.callId]);
    await expect(invokeVia(host.bridge, 'library.folderCounts', { folderPath: '/' }, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(host.named).toHaveLength(1); // an already-aborted call is never sent
  });
});

/** A socket the test drives by hand (the real WebSocket path is covered by electron/test/web/web-host-cancel.test.ts). */
class ScriptedSocket extends EventTarget {
  sent: unknown[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  open() {
    this.dispatchEvent(new Event('open'));
  }
  receive(frame: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
}

describe('WebSocket bridge: cancel', () => {
  function scripted() {
    const sockets: ScriptedSocket[] = [];
    const bridge = createWsBridge('ws://127.0.0.1:1/ws?token=t', {
      openSocket: () => {
        const s = new ScriptedSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
    return { bridge, sockets };
  }

  it('sends a cancel frame for a call in flight and hands on the host\'s CANCELLED answer', async () => {
    const { bridge, sockets } = scripted();
    const call = bridge.invoke('library.list', { folderPath: '/' }, 'c-1');
    sockets[0]!.open();
    bridge.cancel!('c-1');
    expect(sockets[0]!.sent).toEqual([
      { t: 'req', id: 1, channel: 'library.list', input: { folderPath: '/' } },
      { t: 'cancel', id: 1 },
    ]);
    sockets[0]!.receive({ t: 'res', id: 1, result: { ok: false, error: { code: 'CANCELLED', message: 'The library.list call was cancelled before it finished.' } } });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    bridge.cancel!('c-1'); // answered already: nothing more is sent
    expect(sockets[0]!.sent).toHaveLength(2);
  });

  it('drops a call cancelled before the socket opened and answers it itself', async () => {
    const { bridge, sockets } = scripted();
    const call = bridge.invoke('urls.preview', { draft: { src: '/a.jpg' } }, 'c-2');
    bridge.cancel!('c-2');
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([]);
  });
});
