import { eta, RateMeter } from '../upload-queue/progress-tracker';
import type { ItemState, JobItem, JobState } from './job-store';

export type JobPhase = 'setup' | 'transfer' | 'verify' | 'finish' | 'idle';

export interface JobProgress {
  jobId: string;
  state: JobState;
  phase: JobPhase;
  files: Record<ItemState, number> & { total: number };
  bytes: { done: number; total: number };
  bytesPerSecond: number;
  etaSeconds: number | null;
  verified: { done: number; total: number };
}

const stepBytes = (item: JobItem, upTo: number) => item.steps.slice(0, upTo).reduce((sum, s) => sum + s.size, 0);

/**
 * Bytes and files of one job as they move: finished steps count their whole size, the step being
 * sent counts the bytes handed to the socket so far. Kept in memory from the items' changes so a
 * large job does not read the database on every progress tick.
 */
export class JobMeter {
  private readonly doneBytes = new Map<number, number>();
  private readonly inFlight = new Map<number, number>();
  private readonly rate = new RateMeter();
  private doneSum = 0;
  readonly totalBytes: number;
  verified = { done: 0, total: 0 };

  constructor(items: JobItem[]) {
    this.totalBytes = items.reduce((sum, it) => sum + stepBytes(it, it.steps.length), 0);
    for (const item of items) this.itemChanged(item);
  }

  itemChanged(item: JobItem): void {
    const bytes = stepBytes(item, item.step);
    this.doneSum += bytes - (this.doneBytes.get(item.id) ?? 0);
    this.doneBytes.set(item.id, bytes);
    this.inFlight.delete(item.id);
  }

  uploading(itemId: number, sent: number): void {
    this.inFlight.set(itemId, sent);
  }

  bytesDone(): number {
    let sum = this.doneSum;
    for (const v of this.inFlight.values()) sum += v;
    return Math.min(sum, this.totalBytes);
  }

  snapshot(jobId: string, state: JobState, phase: JobPhase, counts: Record<ItemState, number>): JobProgress {
    const done = this.bytesDone();
    this.rate.record(done);
    const bytesPerSecond = this.rate.rate();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      jobId,
      state,
      phase,
      files: { ...counts, total },
      bytes: { done, total: this.totalBytes },
      bytesPerSecond,
      etaSeconds: eta(this.totalBytes - done, bytesPerSecond),
      verified: { ...this.verified },
    };
  }
}
