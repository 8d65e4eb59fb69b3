import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * Bounds concurrent renders (default: one per core) so a burst of thumbnail requests queues as
 * small closures instead of decoding hundreds of images at once.
 */
export class RenderPool {
  private readonly limit;

  constructor(concurrency = Math.max(1, availableParallelism())) {
    this.limit = pLimit(concurrency);
  }

  private readonly inFlight = new Set<Promise<unknown>>();

  run<T>(task: () => Promise<T>): Promise<T> {
    const p = this.limit(task);
    this.inFlight.add(p);
    const forget = () => this.inFlight.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** Resolves once every queued and running render has finished (used on close). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  get pending(): number {
    return this.limit.pendingCount;
  }

  get active(): number {
    return this.limit.activeCount;
  }
}
