import type { FileProgress } from './types.js';

interface Sample {
  at: number;
  bytes: number;
}

/** Bytes/second over a sliding window, so speed and ETA react within seconds but do not flicker. */
export class RateMeter {
  private samples: Sample[] = [];
  constructor(private readonly windowMs = 3000) {}

  record(totalBytes: number, now = Date.now()): void {
    // Fewer bytes than before means counting restarted (a retry, cleared items): the old samples no longer apply.
    if (this.samples.length && totalBytes < this.samples[this.samples.length - 1].bytes) this.samples = [];
    this.samples.push({ at: now, bytes: totalBytes });
    const cutoff = now - this.windowMs;
    while (this.samples.length > 2 && this.samples[0].at < cutoff) this.samples.shift();
  }

  rate(): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const dt = last.at - first.at;
    return dt > 0 ? ((last.bytes - first.bytes) * 1000) / dt : 0;
  }
}

export function eta(remaining: number, rate: number): number | null {
  return rate > 0 ? Math.max(0, remaining / rate) : null;
}

/** Per-file progress of one attempt. Request bytes include multipart framing, so they are scaled to file bytes. */
export class FileProgressMeter {
  private readonly meter = new RateMeter();
  private lastEmit = 0;
  bytesSent = 0;

  constructor(
    readonly itemId: number,
    readonly batchId: number,
    readonly totalBytes: number | null,
    private readonly emit: (p: FileProgress) => void,
    private readonly intervalMs = 100,
  ) {}

  onRequestBytes(sent: number, requestTotal: number): void {
    const fileBytes = this.totalBytes ?? 0;
    this.bytesSent = requestTotal > 0 ? Math.floor((sent / requestTotal) * fileBytes) : 0;
    const now = Date.now();
    this.meter.record(this.bytesSent, now);
    if (now - this.lastEmit >= this.intervalMs || sent === requestTotal) {
      this.lastEmit = now;
      this.emit(this.snapshot());
    }
  }

  snapshot(): FileProgress {
    const rate = this.meter.rate();
    return {
      itemId: this.itemId,
      batchId: this.batchId,
      bytesSent: this.bytesSent,
      totalBytes: this.totalBytes,
      bytesPerSecond: rate,
      etaSeconds: this.totalBytes === null ? null : eta(this.totalBytes - this.bytesSent, rate),
    };
  }
}
