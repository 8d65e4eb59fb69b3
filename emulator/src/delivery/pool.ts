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

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.limit(task);
  }

  get pending(): number {
    return this.limit.pendingCount;
  }

  get active(): number {
    return this.limit.activeCount;
  }
}
