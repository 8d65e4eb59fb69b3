import { eta, RateMeter, type FileProgressMeter } from './progress-tracker.js';
import type { QueueStore } from './queue-store.js';
import { TERMINAL_STATES, type ItemState, type TotalProgress } from './types.js';

export function emptyCounts(): Record<ItemState, number> {
  return { pending: 0, conflict: 0, queued: 0, uploading: 0, paused: 0, done: 0, skipped: 0, failed: 0, cancelled: 0 };
}

/**
 * Total progress and batch completion. "Total" spans the batches of this session (added now, or unfinished at
 * start), so a finished batch from last week does not dilute the percentage.
 */
export class QueueReport {
  readonly meters = new Map<number, FileProgressMeter>();
  private readonly sessionBatches = new Set<number>();
  private readonly finishedBatches = new Set<number>();
  private readonly rate = new RateMeter();
  private lastTotalEmit = 0;

  constructor(
    private readonly store: QueueStore,
    private readonly emitTotal: (t: TotalProgress) => void,
    private readonly emitBatchDone: (e: { batchId: number; counts: Record<ItemState, number> }) => void,
    private readonly intervalMs: number,
  ) {
    for (const id of store.openBatchIds()) this.sessionBatches.add(id);
  }

  addBatch(batchId: number): void {
    this.sessionBatches.add(batchId);
    this.finishedBatches.delete(batchId);
  }

  totals(): TotalProgress {
    const counts = emptyCounts();
    let totalBytes = 0;
    let doneBytes = 0;
    for (const row of this.store.stats([...this.sessionBatches])) {
      counts[row.state] += row.count;
      if (row.state === 'skipped' || row.state === 'cancelled') continue;
      totalBytes += row.bytes;
      if (row.state === 'done') doneBytes += row.bytes;
    }
    let inFlight = 0;
    for (const m of this.meters.values()) inFlight += m.bytesSent;
    const bytesSent = doneBytes + inFlight;
    this.rate.record(bytesSent);
    const bytesPerSecond = this.rate.rate();
    return { bytesSent, totalBytes, bytesPerSecond, etaSeconds: eta(totalBytes - bytesSent, bytesPerSecond), counts };
  }

  /** Throttled unless forced (a batch end always reports). */
  maybeEmitTotal(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastTotalEmit < this.intervalMs) return;
    this.lastTotalEmit = now;
    this.emitTotal(this.totals());
  }

  /** Call when an item of the batch reached a terminal state. */
  checkBatchDone(batchId: number): void {
    if (this.finishedBatches.has(batchId)) return;
    const counts = { ...emptyCounts(), ...this.store.batchCounts(batchId) };
    if ((Object.keys(counts) as ItemState[]).some((s) => counts[s] > 0 && !TERMINAL_STATES.includes(s))) return;
    this.finishedBatches.add(batchId);
    this.maybeEmitTotal(true);
    this.emitBatchDone({ batchId, counts });
  }
}
