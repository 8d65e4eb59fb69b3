import type { LibraryEvent, LibraryReader } from '../context.js';
import type { FileRecord } from '../model/file-record.js';
import { deliveryUrl } from '../model/file-details.js';
import type { RenderPool } from './pool.js';
import { cpuTicks, idleCores, type CpuTicks } from './spare-cpu.js';
import type { DeliveryRequest, DeliveryResponse } from './service.js';

export interface PrewarmOptions {
  /**
   * The `tr` values rendered ahead for each new image until a client has asked for a grid form.
   * MediaDesk's grid asks for `w-N,h-N,c-at_max` with N its tile size in device pixels snapped to 64
   * (192 for the default tile at DPR 1, 384 at DPR 2). Empty: prewarming is off.
   */
  transformations: string[];
  /**
   * Grid forms learnt from foreground requests that are kept (the most recent ones). Once a client has
   * asked for one, these replace `transformations`: each form costs a decode of the photo, and a
   * DPR 2 grid never asks for the DPR 1 tile.
   */
  learnt: number;
  /** The Accept header the renders negotiate for (a browser's image Accept picks WebP for `f-auto`). */
  accept: string;
  /** New images waiting beyond this are dropped, oldest first (a huge import does not pile up renders). */
  maxQueued: number;
  /** How often a waiting job looks again whether the render pool has a free slot and no queue. */
  pollMs: number;
  /**
   * While uploads keep arriving (a new file within the busy window), prewarm renders take at most this
   * share of the time (after a render of d ms it waits d × (1/share − 1)), so an upload burst is not
   * slowed by more than about this share of one core; once uploads stop it renders as many at once as
   * the pool has slots.
   */
  busyShare: number;
  /**
   * The busy window: `busyWindowMs`, or 1.5 × the longest of the last 8 gaps between new files when that
   * is longer (12 MP photos at 4 at a time on a loaded machine arrive seconds apart, and a window
   * shorter than the gap would read every gap as "uploads stopped"), at most `busyWindowMaxMs`.
   */
  busyWindowMs: number;
  busyWindowMaxMs: number;
  /**
   * A rest ends early when the machine had at least this many cores idle during its last `spareCheckMs`:
   * the next render (one core) then runs on CPU the uploads are not using. On a saturated machine
   * the rest runs its course and `busyShare` holds. Infinity: never end a rest early.
   */
  spareCores: number;
  spareCheckMs: number;
  /** Reads the machine's CPU counters (tests replace it). */
  readCpu?: () => CpuTicks;
}

export const DEFAULT_PREWARM: PrewarmOptions = {
  transformations: ['w-192,h-192,c-at_max'],
  learnt: 2,
  accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8',
  maxQueued: 10_000,
  pollMs: 25,
  busyShare: 0.1,
  busyWindowMs: 750,
  busyWindowMaxMs: 10_000,
  spareCores: 0.75,
  spareCheckMs: 50,
};

/** The thumbnail form MediaDesk's grid requests (format.ts `thumbnailTransformation`). */
const GRID_FORM = /^w-(\d{2,4}),h-\1,c-at_max$/;

export interface PrewarmStats {
  queued: number;
  rendered: number;
  /** Jobs dropped because the file was deleted, overwritten or moved before its turn, or the queue overflowed. */
  dropped: number;
  failed: number;
}

interface Job {
  fileId: string;
  versionId: string;
  updatedAt: string;
}

/**
 * Renders the grid's thumbnails of freshly uploaded images into the render cache in the background,
 * so a folder of new 12 MP photos opens on cache hits instead of one decode per tile. Low priority: a
 * render starts only when the render pool has a free slot and nothing queued, so a foreground request
 * waits at most for renders already running (one while uploads arrive, up to the pool's slots after).
 * Each render is an ordinary delivery request (same cache keys, limits and private-file rule: a private
 * file's render is cached as private, so an unsigned request still gets 401), so a tile requested while
 * its prewarm runs joins that render (service.ts `renderShareKey`). A job is dropped when its file is
 * deleted, overwritten or moved before its turn; what is already cached is not rendered again.
 */
export class ThumbnailPrewarmer {
  private readonly queue = new Map<string, Job>();
  private readonly learntForms: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  /** End rests early (on close). */
  private readonly wakes = new Set<() => void>();
  /** When the last new file arrived (ms, performance clock). */
  private lastFresh = -Infinity;
  /** Recent gaps between new files (ms), for the busy window. */
  private readonly gaps: number[] = [];
  readonly stats: PrewarmStats = { queued: 0, rendered: 0, dropped: 0, failed: 0 };

  constructor(
    private readonly library: LibraryReader,
    private readonly pool: RenderPool,
    private readonly serve: (req: DeliveryRequest) => Promise<DeliveryResponse>,
    private readonly options: PrewarmOptions = DEFAULT_PREWARM,
  ) {}

  get enabled(): boolean {
    return this.options.transformations.length > 0;
  }

  /** A committed library change: queue new images, drop jobs whose file changed under them. */
  observe(event: LibraryEvent): void {
    if (!this.enabled || this.closed) return;
    for (const fileId of event.touched) {
      const job = this.queue.get(fileId);
      if (job && !this.stillCurrent(job)) this.drop(fileId);
    }
    if (event.fresh.length > 0) this.noteFresh();
    for (const record of event.fresh) if (record.fileType === 'image' && record.isCurrent) this.enqueue(record);
    this.kick();
  }

  /** A foreground request's `tr`: a grid form seen there is what the next uploads are prewarmed with. */
  learn(tr: string | undefined): void {
    if (!this.enabled || tr === undefined || !GRID_FORM.test(tr)) return;
    const at = this.learntForms.indexOf(tr);
    if (at === 0) return;
    if (at > 0) this.learntForms.splice(at, 1);
    this.learntForms.unshift(tr);
    this.learntForms.length = Math.min(this.learntForms.length, this.options.learnt);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Resolves once nothing is queued or running (tests and benches). */
  async idle(): Promise<void> {
    while (this.queue.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.allSettled([...this.running]);
      else await new Promise((r) => setTimeout(r, this.options.pollMs));
    }
  }

  /** Stops taking jobs; waits for the renders in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.stats.dropped += this.queue.size;
    this.queue.clear();
    if (this.timer) clearTimeout(this.timer);
    for (const wake of [...this.wakes]) wake();
    await Promise.allSettled([...this.running]);
  }

  private enqueue(record: FileRecord): void {
    this.queue.delete(record.fileId); // an overwrite queued again goes to the back with its new version
    this.queue.set(record.fileId, { fileId: record.fileId, versionId: record.versionId, updatedAt: record.updatedAt });
    this.stats.queued += 1;
    while (this.queue.size > this.options.maxQueued) this.drop(this.queue.keys().next().value as string);
  }

  private drop(fileId: string): void {
    if (this.queue.delete(fileId)) this.stats.dropped += 1;
  }

  private stillCurrent(job: Job): FileRecord | undefined {
    const now = this.library.currentById(job.fileId);
    return now && now.versionId === job.versionId && now.updatedAt === job.updatedAt ? now : undefined;
  }

  private noteFresh(): void {
    const now = performance.now();
    const gap = now - this.lastFresh;
    if (gap > this.options.busyWindowMaxMs) this.gaps.length = 0; // a new burst: earlier gaps say nothing about it
    else if (this.gaps.push(gap) > 8) this.gaps.shift();
    this.lastFresh = now;
  }

  /** Uploads are still arriving (a new file within the busy window, see `busyWindowMs`). */
  private get uploading(): boolean {
    const { busyWindowMs, busyWindowMaxMs } = this.options;
    const window = Math.min(busyWindowMaxMs, Math.max(busyWindowMs, 1.5 * Math.max(0, ...this.gaps)));
    return performance.now() - this.lastFresh <= window;
  }

  /**
   * Starts a job when the pool has a free slot and no queue, else looks again shortly. While uploads
   * arrive one job runs at a time (paced); once they stop, as many as the pool has slots, so the backlog
   * a burst leaves is cleared at the pool's full pace. One job per call: the next call comes after the
   * started job has entered the pool (setImmediate), so `pool.active` counts it.
   */
  private kick(): void {
    if (this.closed || this.timer || this.queue.size === 0) return;
    const slots = this.uploading ? 1 : Math.max(1, this.pool.concurrency);
    if (this.running.size >= slots) return; // each finishing job kicks again
    if (this.pool.pending > 0 || this.pool.active >= this.pool.concurrency) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.kick();
      }, this.options.pollMs);
      this.timer.unref();
      return;
    }
    const [fileId, job] = this.queue.entries().next().value as [string, Job];
    this.queue.delete(fileId);
    const started = performance.now();
    const run: Promise<void> = this.render(job)
      .then(() => this.pace(performance.now() - started))
      .finally(() => {
        this.running.delete(run);
        this.kick();
      });
    this.running.add(run);
    if (this.running.size < slots && this.queue.size > 0) setImmediate(() => this.kick()).unref();
  }

  /**
   * During an upload burst, rests after a render so prewarming stays within `busyShare` of the time,
   * unless a core sits idle meanwhile (`spareCores`). The rest ends early once uploads stop, so the
   * backlog starts clearing at once.
   */
  private async pace(renderMs: number): Promise<void> {
    const { busyShare, busyWindowMs, spareCores, spareCheckMs } = this.options;
    if (busyShare >= 1) return;
    const readCpu = this.options.readCpu ?? cpuTicks;
    const until = performance.now() + renderMs * (1 / Math.max(0.01, busyShare) - 1);
    while (!this.closed && this.uploading && performance.now() < until) {
      const before = readCpu();
      await this.sleep(Math.min(until - performance.now(), spareCheckMs, busyWindowMs / 4));
      if (idleCores(before, readCpu()) >= spareCores) return;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakes.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.wakes.add(wake);
    });
  }

  private async render(job: Job): Promise<void> {
    const record = this.stillCurrent(job);
    if (!record) {
      this.stats.dropped += 1;
      return;
    }
    for (const relative of this.urlsOf(record)) {
      // Between two forms a foreground request may have arrived: give it the slot first.
      while (!this.closed && (this.pool.pending > 0 || this.pool.active >= this.pool.concurrency)) {
        await new Promise((r) => setTimeout(r, this.options.pollMs));
      }
      if (this.closed || !this.stillCurrent(job)) {
        this.stats.dropped += 1;
        return;
      }
      try {
        const res = await this.serve({ relative, accept: this.options.accept, trusted: true });
        if (res.status === 200) this.stats.rendered += 1;
        else this.stats.failed += 1;
      } catch {
        this.stats.failed += 1;
      }
    }
  }

  /**
   * The URLs the grid will ask for: a public file through its list `url` (`?updatedAt=…`) plus the
   * thumbnail `tr`; a private file through the signed form (`?tr=…`, the signature is not part of the key).
   */
  private urlsOf(record: FileRecord): string[] {
    const base = deliveryUrl('', record.filePath).slice(1);
    const query = record.isPrivateFile ? '?' : `?updatedAt=${Date.parse(record.updatedAt)}&`;
    const forms = this.learntForms.length > 0 ? this.learntForms : this.options.transformations;
    return forms.map((tr) => `${base}${query}tr=${tr}`);
  }
}
