import { EventEmitter } from 'node:events';
import type { ImageKit } from '@imagekit/nodejs';
import { ItemRunner, type StopReason } from './item-runner.js';
import { LibraryProbe, sanitizeFolder } from './library-probe.js';
import { QueueReport } from './queue-report.js';
import { QueueStore } from './queue-store.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry-policy.js';
import { expandSources, type UploadSource } from './source-expander.js';
import {
  TERMINAL_STATES,
  type Batch,
  type BatchOptions,
  type ConflictChoice,
  type ItemState,
  type QueueItem,
  type TotalProgress,
  type UploadQueueEvents,
} from './types.js';

/**
 * One client for every batch, or a factory giving the client of a batch's profile (asked again for every request,
 * so a rebuilt client, e.g. after a key change, is picked up). Fits `ImageKitClients.forProfile`.
 */
export type ClientSource = ImageKit | ((profileId: string) => ImageKit | Promise<ImageKit>);

export interface UploadQueueOptions {
  /** Parallel uploads (default 4). */
  concurrency?: number;
  retry?: Partial<RetryOptions>;
  /** Per-request timeout; large files need long ones (default 30 min). */
  requestTimeoutMs?: number;
  /** How often `total` progress is emitted while bytes flow (default 250 ms). */
  totalIntervalMs?: number;
}

export interface AddRequest {
  sources: UploadSource[];
  /** Folder in the library that receives the files (and recreated sub-folders). Default `/`. */
  targetFolder?: string;
  options?: BatchOptions;
  profileId?: string;
}

const RUNNABLE: ItemState[] = ['pending', 'queued'];
const STOPPABLE: ItemState[] = ['pending', 'queued', 'conflict', 'uploading'];

/**
 * The durable upload queue of the main process. Construct it, call `start()`, then drive it with
 * `add`, `pause`/`resume`/`cancel` (per item or all) and `resolveConflict`. State lives in SQLite (WAL): on
 * construction, items that were in flight when the process died are marked for reconciliation against the
 * library (see README.md next to this file), so nothing is uploaded twice.
 */
export class UploadQueue extends EventEmitter<UploadQueueEvents> {
  private readonly store: QueueStore;
  private readonly concurrency: number;
  private readonly retry: RetryOptions;
  private readonly requestTimeoutMs: number;
  private readonly report: QueueReport;
  private readonly probes = new Map<string, LibraryProbe>();
  private readonly batches = new Map<number, Batch>();
  private readonly active = new Map<number, { controller: AbortController; done: Promise<void> }>();
  private idleWaiters: (() => void)[] = [];
  private started = false;
  private closed = false;

  constructor(
    private readonly clients: ClientSource,
    dbPath: string,
    options: UploadQueueOptions = {},
  ) {
    super();
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30 * 60_000;
    this.store = new QueueStore(dbPath);
    // Whatever was in flight when the previous process ended already has needsReconcile set (it is written
    // before each request), so returning it to `pending` makes the runner check the library first.
    this.store.moveStates(['uploading'], 'pending');
    this.report = new QueueReport(
      this.store,
      (t) => this.emit('total', t),
      (e) => this.emit('batchDone', e),
      options.totalIntervalMs ?? 250,
    );
  }

  /** Begins (or continues after a restart) processing. */
  start(): void {
    this.started = true;
    this.pump();
  }

  /** Adds files, folders (recursively) and URLs as one batch. Nothing is lost if the app dies right after. */
  async add(req: AddRequest): Promise<{ batchId: number; items: QueueItem[] }> {
    if (this.closed) throw new Error('The upload queue is closed.');
    const targetFolder = sanitizeFolder(req.targetFolder ?? '/');
    const newItems = await expandSources(req.sources, targetFolder);
    if (newItems.length === 0) throw new Error('Nothing to upload: the selection contains no files.');
    const batchId = this.store.addBatch(targetFolder, req.profileId ?? 'default', req.options ?? {}, newItems);
    this.report.addBatch(batchId);
    const items = this.store.items({ batchId });
    items.forEach((it) => this.emit('item', it));
    this.pump();
    return { batchId, items };
  }

  items(filter: { batchId?: number; states?: readonly ItemState[] } = {}): QueueItem[] {
    return this.store.items(filter);
  }

  item(id: number): QueueItem {
    return this.store.item(id);
  }

  batch(id: number): Batch {
    return this.batchOf(id);
  }

  pause(itemId: number): void {
    this.stop(itemId, 'pause');
  }

  cancel(itemId: number): void {
    this.stop(itemId, 'cancel');
  }

  resume(itemId: number): void {
    const it = this.store.item(itemId);
    if (it.state !== 'paused') return;
    this.changed(this.store.update(itemId, { state: 'pending' }));
    this.pump();
  }

  /** Failed or cancelled items can be sent again (attempts reset). */
  retryItem(itemId: number): void {
    const it = this.store.item(itemId);
    if (it.state !== 'failed' && it.state !== 'cancelled') return;
    this.report.addBatch(it.batchId); // the batch is open again and will report its end again
    this.changed(this.store.update(itemId, { state: 'pending', attempts: 0, errorMessage: null, errorHelp: null }));
    this.pump();
  }

  pauseAll(batchId?: number): void {
    this.stopAll('pause', batchId);
  }

  cancelAll(batchId?: number): void {
    this.stopAll('cancel', batchId);
  }

  resumeAll(batchId?: number): void {
    for (const id of this.store.moveStates(['paused'], 'pending', batchId)) this.changed(this.store.item(id));
    this.pump();
  }

  /** The user's answer for one conflicting item. */
  resolveConflict(itemId: number, choice: ConflictChoice): void {
    const it = this.store.item(itemId);
    if (it.state !== 'conflict') return;
    // Back to pending: the target is looked up again, so the choice applies to what is there now.
    this.changed(this.store.update(itemId, { state: 'pending', conflictChoice: choice }));
    this.pump();
  }

  /** The same answer for every conflicting item (optionally of one batch). */
  resolveAllConflicts(choice: ConflictChoice, batchId?: number): void {
    for (const it of this.store.items({ batchId, states: ['conflict'] })) {
      this.changed(this.store.update(it.id, { state: 'pending', conflictChoice: choice }));
    }
    this.pump();
  }

  totals(): TotalProgress {
    return this.report.totals();
  }

  /** Resolves when nothing runnable is left (remaining items are done, failed, paused, cancelled or in conflict). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops workers without changing their rows (they are reconciled on the next start) and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const a of this.active.values()) a.controller.abort('close' satisfies StopReason);
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    this.store.close();
  }

  private isIdle(): boolean {
    return this.active.size === 0 && (!this.started || this.store.nextWork(RUNNABLE, new Set(), 1).length === 0);
  }

  private batchOf(id: number): Batch {
    let b = this.batches.get(id);
    if (!b) {
      b = this.store.batch(id);
      this.batches.set(id, b);
    }
    return b;
  }

  private async clientFor(profileId: string): Promise<ImageKit> {
    return typeof this.clients === 'function' ? this.clients(profileId) : this.clients;
  }

  private probeFor(profileId: string): LibraryProbe {
    let p = this.probes.get(profileId);
    if (!p) {
      p = new LibraryProbe(() => this.clientFor(profileId), this.retry);
      this.probes.set(profileId, p);
    }
    return p;
  }

  private stop(itemId: number, reason: StopReason): void {
    const running = this.active.get(itemId);
    if (running) {
      running.controller.abort(reason);
      return;
    }
    const it = this.store.item(itemId);
    const allowed = reason === 'pause' ? STOPPABLE : [...STOPPABLE, 'paused' as const];
    if (!allowed.includes(it.state)) return;
    this.changed(this.store.update(itemId, { state: reason === 'pause' ? 'paused' : 'cancelled' }));
  }

  private stopAll(reason: StopReason, batchId?: number): void {
    const states: ItemState[] = reason === 'pause' ? ['pending', 'queued', 'conflict'] : ['pending', 'queued', 'conflict', 'paused'];
    for (const [id, a] of this.active) {
      if (batchId === undefined || this.store.item(id).batchId === batchId) a.controller.abort(reason);
    }
    const to: ItemState = reason === 'pause' ? 'paused' : 'cancelled';
    for (const id of this.store.moveStates(states, to, batchId)) {
      if (!this.active.has(id)) this.changed(this.store.item(id));
    }
  }

  private changed(item: QueueItem): void {
    this.emit('item', item);
    this.report.maybeEmitTotal();
    if (TERMINAL_STATES.includes(item.state)) this.report.checkBatchDone(item.batchId);
  }

  private pump(): void {
    if (!this.started || this.closed) return;
    while (this.active.size < this.concurrency) {
      const [next] = this.store.nextWork(RUNNABLE, new Set(this.active.keys()), 1);
      if (!next) break;
      this.launch(next);
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  private launch(item: QueueItem): void {
    const controller = new AbortController();
    const batch = this.batchOf(item.batchId);
    const runner = new ItemRunner(
      item,
      batch,
      {
        store: this.store,
        getClient: () => this.clientFor(batch.profileId),
        probe: this.probeFor(batch.profileId),
        retry: this.retry,
        requestTimeoutMs: this.requestTimeoutMs,
        onItem: (it) => this.changed(it),
        onProgress: (p) => {
          this.emit('progress', p);
          this.report.maybeEmitTotal();
        },
        onMeter: (m) => (m ? this.report.meters.set(item.id, m) : this.report.meters.delete(item.id)),
      },
      controller.signal,
    );
    const done = runner
      .run()
      .catch((err: unknown) => {
        this.emit('internalError', err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => {
        this.active.delete(item.id);
        this.report.meters.delete(item.id);
        if (!this.closed) this.pump();
      });
    this.active.set(item.id, { controller, done });
  }
}
