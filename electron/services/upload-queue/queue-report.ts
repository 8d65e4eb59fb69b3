import { eta, RateMeter, type FileProgressMeter } from './progress-tracker.js';
import type { QueueStore } from './queue-store.js';
import { TERMINAL_STATES, type ItemState, type TotalProgress } from './types.js';

/** How long a batch added in parts waits for its next part before it may be reported finished. */
const PART_WAIT_MS = 60_000;

/** Every state but the terminal ones. */
const UNFINISHED_STATES = (Object.keys(emptyCounts()) as ItemState[]).filter((s) => !TERMINAL_STATES.includes(s));

export function emptyCounts(): Record<ItemState, number> {
  return { receiving: 0, pending: 0, conflict: 0, queued: 0, uploading: 0, paused: 0, done: 0, skipped: 0, failed: 0, cancelled: 0 };
}

/**
 * Total progress and batch completion. "Total" spans the batches of this session (added now, or unfinished at
 * start), so a finished batch from last week does not dilute the percentage, and leaves out items the person
 * cleared from the list.
 *
 * Every byte is counted once: a `done` item by its size (from the store), an `uploading` item by the bytes of its
 * current attempt (its meter), nothing else. The queue drops an item's meter in the same step that moves it out
 * of `uploading` (see `itemChanged`), before any total is computed, so a file that just finished is never
 * counted both as done and as in flight, and a failed attempt's bytes vanish when its retry waits.
 */
export class QueueReport {
  /** The meter of the attempt in flight, per item that is `uploading` right now. */
  readonly meters = new Map<number, FileProgressMeter>();
  private readonly sessionBatches = new Set<number>();
  private readonly finishedBatches = new Set<number>();
  /**
   * Batches whose next part is still to be added (`add` with `more`), with the timer that stops waiting for it:
   * a window that closed mid-way never sends it, and its batch must still report its end.
   */
  private readonly awaitingParts = new Map<number, ReturnType<typeof setTimeout>>();
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

  /** Call on every change of an item, before totals are computed. */
  itemChanged(item: { id: number; state: ItemState }): void {
    if (item.state !== 'uploading') this.meters.delete(item.id);
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
    for (const m of this.meters.values()) inFlight += Math.min(m.bytesSent, m.totalBytes ?? 0);
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

  /** Whether a further part of the batch is expected (it is not reported finished meanwhile). */
  expectsMore(batchId: number): boolean {
    return this.awaitingParts.has(batchId);
  }

  /** Notes whether more parts of the batch follow; past `waitMs` without one it stops waiting and may finish. */
  expectMore(batchId: number, more: boolean, waitMs = PART_WAIT_MS): void {
    clearTimeout(this.awaitingParts.get(batchId));
    this.awaitingParts.delete(batchId);
    if (!more) return;
    const timer = setTimeout(() => {
      this.awaitingParts.delete(batchId);
      this.checkBatchDone(batchId);
    }, waitMs);
    timer.unref?.();
    this.awaitingParts.set(batchId, timer);
  }

  /** Takes no further part of the batch (or of any batch): the person cancelled it. */
  refuseParts(batchId?: number): void {
    for (const id of [...this.awaitingParts.keys()]) {
      if (batchId !== undefined && id !== batchId) continue;
      this.expectMore(id, false);
      this.checkBatchDone(id);
    }
  }

  /** Stops every wait for a further part (the queue is closing). */
  stop(): void {
    this.awaitingParts.forEach((timer) => clearTimeout(timer));
    this.awaitingParts.clear();
  }

  /** Call when an item of the batch reached a terminal state. */
  checkBatchDone(batchId: number): void {
    if (this.finishedBatches.has(batchId) || this.awaitingParts.has(batchId)) return;
    if (this.store.hasItemIn(batchId, UNFINISHED_STATES)) return;
    const counts = { ...emptyCounts(), ...this.store.batchCounts(batchId) };
    this.finishedBatches.add(batchId);
    this.maybeEmitTotal(true);
    this.emitBatchDone({ batchId, counts });
  }
}
