// The hls.js loader that goes through the app's channel: what hls.js gets back for bytes, text, a refusal,
// a transport failure, an abort and a timeout; and the range it asks for reaches the fetcher.
import { describe, expect, it, vi } from 'vitest';
import type { LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';
import { ipcLoaderClass, type PartFetcher } from '../../src/features/url-builder/hls-ipc-loader';
import type { StreamFile } from '../../src/api/stream-parts';

const config = (maxLoadTimeMs = 20_000) =>
  ({ loadPolicy: { maxTimeToFirstByteMs: Infinity, maxLoadTimeMs, timeoutRetry: null, errorRetry: null }, timeout: 0, maxRetry: 0, retryDelay: 0, maxRetryDelay: 0 }) as LoaderConfiguration;

function callbacks() {
  return { onSuccess: vi.fn(), onError: vi.fn(), onTimeout: vi.fn(), onAbort: vi.fn() } satisfies LoaderCallbacks<LoaderContext>;
}

const file = (over: Partial<StreamFile> = {}): StreamFile => ({ url: 'https://e/x', status: 200, ok: true, data: new TextEncoder().encode('#EXTM3U').buffer, ...over });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('hls.js loader over the app channel', () => {
  it('hands text to playlist loads and bytes to segment loads, with the stats hls.js measures bandwidth by', async () => {
    const fetchPart = vi.fn<PartFetcher>(async () => file());
    const Loader = ipcLoaderClass(fetchPart);
    const text = new Loader();
    const cb = callbacks();
    text.load({ url: 'https://e/m.m3u8', responseType: 'text', type: 'manifest' } as LoaderContext, config(), cb);
    await settle();
    expect(cb.onSuccess).toHaveBeenCalledOnce();
    expect(cb.onSuccess.mock.calls[0][0]).toEqual({ url: 'https://e/x', data: '#EXTM3U', code: 200 });
    expect(cb.onSuccess.mock.calls[0][1]).toMatchObject({ loaded: 7, total: 7 });

    const bytes = new Loader();
    const cb2 = callbacks();
    bytes.load({ url: 'https://e/s.m4s', responseType: 'arraybuffer', type: 'manifest', rangeStart: 10, rangeEnd: 20 } as LoaderContext, config(), cb2);
    await settle();
    expect(fetchPart.mock.calls[1][1]).toEqual({ rangeStart: 10, rangeEnd: 20 });
    // The bytes as they came (jsdom's ArrayBuffer is another realm's, so no instanceof here).
    const data = cb2.onSuccess.mock.calls[0][0].data as ArrayBuffer;
    expect(Object.prototype.toString.call(data)).toBe('[object ArrayBuffer]');
    expect(data.byteLength).toBe(7);
  });

  it('passes a refusal on with its HTTP status and the server’s words, and a transport failure as status 0', async () => {
    const refused = new (ipcLoaderClass(async () => file({ ok: false, status: 403, error: 'EPERM - private', data: new ArrayBuffer(0) })))();
    const cb = callbacks();
    refused.load({ url: 'https://e/s', responseType: 'arraybuffer', type: 'manifest' } as LoaderContext, config(), cb);
    await settle();
    expect(cb.onError.mock.calls[0][0]).toEqual({ code: 403, text: 'EPERM - private' });

    const broken = new (ipcLoaderClass(async () => Promise.reject(new Error('Could not load the stream file: refused.'))))();
    const cb2 = callbacks();
    broken.load({ url: 'https://e/s', responseType: 'arraybuffer', type: 'manifest' } as LoaderContext, config(), cb2);
    await settle();
    expect(cb2.onError.mock.calls[0][0]).toEqual({ code: 0, text: 'Could not load the stream file: refused.' });
  });

  it('aborts the call when hls.js aborts, and reports only the abort', async () => {
    let seen: AbortSignal | undefined;
    let finish: (f: StreamFile) => void = () => {};
    const loader = new (ipcLoaderClass((_url, _range, signal) => {
      seen = signal;
      return new Promise<StreamFile>((resolve) => (finish = resolve));
    }))();
    const cb = callbacks();
    loader.load({ url: 'https://e/s', responseType: 'arraybuffer', type: 'manifest' } as LoaderContext, config(), cb);
    loader.abort();
    expect(seen?.aborted).toBe(true);
    finish(file());
    await settle();
    expect(cb.onAbort).toHaveBeenCalledOnce();
    expect(cb.onSuccess).not.toHaveBeenCalled();
    expect(loader.stats.aborted).toBe(true);
  });

  it('times out by the load policy, stopping the call', async () => {
    vi.useFakeTimers();
    try {
      let seen: AbortSignal | undefined;
      const loader = new (ipcLoaderClass((_url, _range, signal) => {
        seen = signal;
        return new Promise<StreamFile>(() => {});
      }))();
      const cb = callbacks();
      loader.load({ url: 'https://e/s', responseType: 'arraybuffer', type: 'manifest' } as LoaderContext, config(500), cb);
      vi.advanceTimersByTime(499);
      expect(cb.onTimeout).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(cb.onTimeout).toHaveBeenCalledOnce();
      expect(seen?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
