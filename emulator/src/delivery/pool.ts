import { availableParallelism } from 'node:os';

/** Thrown to a caller whose render was dropped or stopped because its client went away. */
export class RenderAborted extends Error {
  constructor() {
    super('The client closed the request before the render finished.');
    this.name = 'RenderAborted';
  }
}

export interface RenderJobOptions {
  /** Estimated megapixels the render produces (see cost.ts); above `heavyMegapixels` it queues as heavy. */
  cost?: number;
  /** Aborted when every client waiting for the render has gone: a queued job is dropped, a running one stops at its next stage. */
  signal?: AbortSignal;
}

export interface RenderPoolStats {
  /** Jobs that got a slot. */
  started: number;
  /** Jobs dropped from the queue because their client went away before a slot was free. */
  skipped: number;
  /** Jobs of each lane that got a slot. */
  startedLight: number;
  startedHeavy: number;
}

interface Job {
  heavy: boolean;
  start: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Bounds concurrent renders (default: one per core) so a burst of thumbnail requests queues as small
 * closures instead of decoding hundreds of images at once. Two lanes keep it fair: heavy renders (large
 * outputs, long chains) hold at most `concurrency - 1` slots, so a thumbnail never waits behind a row of
 * them, and light renders go first; with more than one core a heavy render still gets a slot whenever
 * none is running, so neither lane starves. A job whose client went away while it queued never starts.
 */
export class RenderPool {
  private readonly light: Job[] = [];
  private readonly heavy: Job[] = [];
  private activeLight = 0;
  private activeHeavy = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly stats: RenderPoolStats = { started: 0, skipped: 0, startedLight: 0, startedHeavy: 0 };

  constructor(
    readonly concurrency = Math.max(1, availableParallelism()),
    /** Renders estimated above this many megapixels use the heavy lane. */
    readonly heavyMegapixels = 4,
  ) {}

  run<T>(task: () => Promise<T>, options: RenderJobOptions = {}): Promise<T> {
    const { signal } = options;
    const heavy = (options.cost ?? 0) > this.heavyMegapixels;
    const p = new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        this.stats.skipped += 1;
        reject(new RenderAborted());
        return;
      }
      const job: Job = {
        heavy,
        signal,
        start: () => {
          (async () => task())().then(resolve, reject).finally(() => {
            if (heavy) this.activeHeavy -= 1;
            else this.activeLight -= 1;
            this.pump();
          });
        },
      };
      if (signal) {
        job.onAbort = () => {
          const queue = heavy ? this.heavy : this.light;
          const at = queue.indexOf(job);
          if (at < 0) return; // already running: the render checks the signal itself.
          queue.splice(at, 1);
          this.stats.skipped += 1;
          reject(new RenderAborted());
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      (heavy ? this.heavy : this.light).push(job);
      this.pump();
    });
    this.inFlight.add(p);
    const forget = () => this.inFlight.delete(p);
    p.then(forget, forget);
    return p;
  }

  private next(): Job | undefined {
    const heavyCap = Math.max(1, this.concurrency - 1);
    if (this.heavy.length > 0 && this.activeHeavy === 0 && this.concurrency > 1) return this.heavy.shift();
    if (this.light.length > 0) return this.light.shift();
    if (this.heavy.length > 0 && this.activeHeavy < heavyCap) return this.heavy.shift();
    return undefined;
  }

  private pump(): void {
    while (this.active < this.concurrency) {
      const job = this.next();
      if (!job) return;
      if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
      if (job.heavy) {
        this.activeHeavy += 1;
        this.stats.startedHeavy += 1;
      } else {
        this.activeLight += 1;
        this.stats.startedLight += 1;
      }
      this.stats.started += 1;
      job.start();
    }
  }

  /** Resolves once every queued and running render has finished (used on close). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  get pending(): number {
    return this.light.length + this.heavy.length;
  }

  get active(): number {
    return this.activeLight + this.activeHeavy;
  }
}
