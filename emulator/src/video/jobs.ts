import { availableParallelism } from 'node:os';

export interface VideoJobOptions {
  /** Transcodes and streaming ladders: heavy, and they finish even when every client has gone (ImageKit keeps them). */
  heavy: boolean;
  /** A light job (a thumbnail) is dropped or stopped once every client waiting for it has gone. */
  signal?: AbortSignal;
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  heavy: boolean;
  waiters: number;
}

interface Queued {
  heavy: boolean;
  start: () => void;
}

export interface VideoJobStats {
  started: number;
  /** Requests that joined a job already queued or running for the same render. */
  joined: number;
  /** Most jobs running at once so far. */
  peakRunning: number;
}

/**
 * Runs ffmpeg jobs in the background, at most `concurrency` at once (default one per core). Identical
 * renders share one job. Thumbnails go before transcodes, and transcodes hold at most `concurrency - 1`
 * slots when there are two or more, so a grid of thumbnails never waits behind a long transcode.
 */
export class VideoJobs {
  private readonly running = new Map<string, Entry>();
  private readonly queue: Queued[] = [];
  private activeLight = 0;
  private activeHeavy = 0;
  private closed = false;
  readonly stats: VideoJobStats = { started: 0, joined: 0, peakRunning: 0 };

  constructor(readonly concurrency = Math.max(1, availableParallelism())) {}

  /** The job for `key`, started (or queued) if none is running; `work` gets a signal that fires on close or abandonment. */
  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, options: VideoJobOptions): Promise<T> {
    let entry = this.running.get(key);
    if (entry && !entry.controller.signal.aborted) {
      this.stats.joined += 1;
    } else {
      if (this.closed) return Promise.reject(new Error('The emulator is closing.'));
      const controller = new AbortController();
      const created: Entry = { controller, heavy: options.heavy, waiters: 0, promise: Promise.resolve() };
      created.promise = new Promise<T>((resolve, reject) => {
        this.queue.push({
          heavy: options.heavy,
          start: () => {
            if (controller.signal.aborted) {
              reject(controller.signal.reason ?? new Error('aborted'));
              this.finish(options.heavy);
              return;
            }
            (async () => work(controller.signal))().then(resolve, reject).finally(() => this.finish(options.heavy));
          },
        });
        this.pump();
      });
      const forget = () => {
        if (this.running.get(key) === created) this.running.delete(key);
      };
      created.promise.then(forget, forget);
      this.running.set(key, created);
      entry = created;
    }
    const joined = entry;
    joined.waiters += 1;
    const { signal } = options;
    if (signal && !joined.heavy) {
      const leave = () => {
        joined.waiters -= 1;
        if (joined.waiters === 0) joined.controller.abort(signal.reason);
      };
      if (signal.aborted) leave();
      else {
        signal.addEventListener('abort', leave, { once: true });
        const stop = () => signal.removeEventListener('abort', leave);
        joined.promise.then(stop, stop);
      }
    }
    return joined.promise as Promise<T>;
  }

  /** True while a job for `key` is queued or running. */
  has(key: string): boolean {
    return this.running.has(key);
  }

  private finish(heavy: boolean): void {
    if (heavy) this.activeHeavy -= 1;
    else this.activeLight -= 1;
    this.pump();
  }

  private pump(): void {
    const heavyCap = this.concurrency > 1 ? this.concurrency - 1 : 1;
    while (this.activeLight + this.activeHeavy < this.concurrency) {
      let at = this.queue.findIndex((q) => !q.heavy);
      if (at < 0 && this.activeHeavy < heavyCap) at = this.queue.findIndex((q) => q.heavy);
      if (at < 0) return;
      const [job] = this.queue.splice(at, 1);
      if (job.heavy) this.activeHeavy += 1;
      else this.activeLight += 1;
      this.stats.started += 1;
      this.stats.peakRunning = Math.max(this.stats.peakRunning, this.activeLight + this.activeHeavy);
      job.start();
    }
  }

  get active(): number {
    return this.activeLight + this.activeHeavy;
  }

  /** Stops every queued and running job and waits for them to settle (emulator shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.running.values()];
    for (const e of entries) e.controller.abort(new Error('The emulator is closing.'));
    await Promise.allSettled(entries.map((e) => e.promise));
  }
}
