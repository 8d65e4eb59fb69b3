// An hls.js loader that fetches through the app's own channel instead of XHR: the page's CSP lets it connect
// only to its own origin, and a delivery host (the Local library, ImageKit) is another one. Types only from
// hls.js here, so this file adds nothing to a bundle until the player itself is loaded.
import type { Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js';
import type { StreamFile } from '../../api/stream-parts';

export type PartFetcher = (url: string, range: { rangeStart?: number; rangeEnd?: number }, signal: AbortSignal) => Promise<StreamFile>;

function freshStats(): LoaderStats {
  return {
    aborted: false,
    loaded: 0,
    retry: 0,
    total: 0,
    chunkCount: 0,
    bwEstimate: 0,
    loading: { start: 0, first: 0, end: 0 },
    parsing: { start: 0, end: 0 },
    buffering: { start: 0, first: 0, end: 0 },
  };
}

/** A loader class (hls.js constructs one per request) bound to `fetchPart`. */
export function ipcLoaderClass(fetchPart: PartFetcher) {
  return class IpcLoader implements Loader<LoaderContext> {
    context: LoaderContext | null = null;
    stats: LoaderStats = freshStats();
    private callbacks: LoaderCallbacks<LoaderContext> | null = null;
    private controller: AbortController | null = null;
    private timer: ReturnType<typeof setTimeout> | undefined;

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      this.context = context;
      this.callbacks = callbacks;
      const stats = this.stats;
      stats.loading.start = performance.now();
      const controller = new AbortController();
      this.controller = controller;
      const limit = config.loadPolicy?.maxLoadTimeMs ?? config.timeout;
      if (Number.isFinite(limit) && limit > 0) {
        this.timer = setTimeout(() => {
          controller.abort();
          this.callbacks?.onTimeout(stats, context, null);
        }, limit);
      }
      const range = context.rangeStart !== undefined ? { rangeStart: context.rangeStart, ...(context.rangeEnd ? { rangeEnd: context.rangeEnd } : {}) } : {};
      fetchPart(context.url, range, controller.signal).then(
        (part) => {
          const callbacks = this.callbacks;
          if (controller.signal.aborted || !callbacks) return;
          clearTimeout(this.timer);
          stats.loading.first = stats.loading.end = Math.max(performance.now(), stats.loading.start);
          if (!part.ok) {
            callbacks.onError({ code: part.status, text: part.error ?? `HTTP ${part.status}` }, context, null, stats);
            return;
          }
          stats.loaded = stats.total = part.data.byteLength;
          stats.chunkCount = 1;
          const data = context.responseType === 'arraybuffer' ? part.data : new TextDecoder().decode(part.data);
          callbacks.onSuccess({ url: part.url, data, code: part.status }, stats, context, null);
        },
        (error: unknown) => {
          const callbacks = this.callbacks;
          if (controller.signal.aborted || !callbacks) return;
          clearTimeout(this.timer);
          // Status 0 is hls.js's "network error": it retries those by its policy.
          callbacks.onError({ code: 0, text: error instanceof Error ? error.message : String(error) }, context, null, stats);
        },
      );
    }

    abort(): void {
      if (!this.controller || this.controller.signal.aborted) return;
      this.stop();
      this.stats.aborted = true;
      if (this.context) this.callbacks?.onAbort?.(this.stats, this.context, null);
    }

    destroy(): void {
      this.callbacks = null;
      this.stop();
      this.context = null;
    }

    private stop(): void {
      clearTimeout(this.timer);
      this.controller?.abort();
    }
  };
}
