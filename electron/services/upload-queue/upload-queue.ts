import { EventEmitter } from 'node:events';
import type { ImageKit } from '@imagekit/nodejs';
import { ItemRunner, type StopReason } from './item-runner.js';
import { LibraryProbe, sanitizeFolder } from './library-probe.js';
import { QueueReport } from './queue-report.js';
import { QueueStore } from './queue-store.js';
import { ScreeningLane } from './screening-lane.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry-policy.js';
import { expandSources } from './source-expander.js';
import type { AddRequest, ClientSource, UploadQueueOptions } from './queue-options.js';
import {
  TERMINAL_STATES,
  type Batch,
  type ConflictChoice,
  type ItemState,
  type QueueItem,
  type TotalProgress,
  type UploadQueueEvents,
} from './types.js';

export type { AddRequest, ClientSource, UploadQueueOptions };

const RUNNABLE: ItemState[] = ['pending', 'queued'];
/** Runnable files looked at per pass: how far non-image files may overtake images waiting for their check. */
const LOOKAHEAD = 64;
const STOPPABLE: ItemState[] = ['pending', 'queued', 'conflict', 'uploading'];
/** A file still arriving can be cancelled but not paused: resuming it would send a partial file. */
const CANCELLABLE: ItemState[] = [...STOPPABLE, 'paused', 'receiving'];

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
  private readonly screening: ScreeningLane;
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
    this.store.recoverAfterRestart();
    this.screening = new ScreeningLane(options.lookalikes, this.store, (it) => this.changed(it), () => this.pump());
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

  /**
   * Adds files, folders (recursively) and URLs as one batch, or as the next part of a batch added with `more`
   * (`batchId`; its folder and options apply). Nothing is lost if the app dies right after. Returns this part's items.
   */
  async add(req: AddRequest): Promise<{ batchId: number; items: QueueItem[] }> {
    if (this.closed) throw new Error('The upload queue is closed.');
    const part = req.batchId === undefined ? null : this.expectingPart(req.batchId, req.profileId);
    const targetFolder = part ? part.targetFolder : sanitizeFolder(req.targetFolder ?? '/');
    const newItems = await expandSources(req.sources, targetFolder);
    if (newItems.length === 0) throw new Error('Nothing to upload: the selection contains no files.');
    let batchId: number;
    let firstId = 0;
    if (part) {
      this.expectingPart(part.id, req.profileId); // still expecting it after the expansion's awaits
      batchId = part.id;
      firstId = this.store.appendToBatch(batchId, newItems);
    } else batchId = this.store.addBatch(targetFolder, req.profileId ?? 'default', req.options ?? {}, newItems);
    this.report.addBatch(batchId);
    this.report.expectMore(batchId, req.more === true);
    const items = this.store.items({ batchId }).filter((it) => it.id >= firstId);
    items.forEach((it) => this.emit('item', it));
    this.pump();
    // A last part whose batch already finished meanwhile (every earlier file done) reports it now.
    if (!req.more) this.report.checkBatchDone(batchId);
    return { batchId, items };
  }

  /** The batch a further part is added to: it must exist, belong to the profile and still expect more. */
  private expectingPart(batchId: number, profileId: string | undefined): Batch {
    const batch = this.report.expectsMore(batchId) ? this.batchOf(batchId) : null;
    if (!batch || batch.profileId !== (profileId ?? 'default')) {
      throw new Error(`Upload batch ${batchId} is not taking more files (it was completed or never started here); upload the rest as a new batch.`);
    }
    return batch;
  }

  /** Every byte of a `receiving` item has arrived at its source path: it can be checked and sent. */
  received(itemId: number): void {
    const it = this.store.item(itemId);
    if (it.state !== 'receiving') return; // cancelled meanwhile
    this.changed(this.store.update(itemId, { state: 'pending' }));
    this.pump();
  }

  /** The bytes of a `receiving` item will not arrive (the window gave up): it fails with the reason. */
  notReceived(itemId: number, message: string, help: string): void {
    const it = this.store.item(itemId);
    if (it.state !== 'receiving') return;
    this.changed(this.store.update(itemId, { state: 'failed', errorMessage: message, errorHelp: help }));
  }

  /** Removes finished items (done, skipped, cancelled) from the list and the totals; returns their ids. */
  clearFinished(batchId?: number): number[] {
    const ids = this.store.clear(this.store.items({ batchId, states: ['done', 'skipped', 'cancelled'], cleared: false }).map((it) => it.id));
    this.report.maybeEmitTotal(true);
    return ids;
  }

  items(filter: { batchId?: number; states?: readonly ItemState[]; cleared?: boolean } = {}): QueueItem[] {
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

  /**
   * The user's answer for one conflicting item. For an item held as a look-alike, `skip` skips it and either
   * other answer uploads it anyway (its name is free, so there is nothing to replace or rename).
   */
  resolveConflict(itemId: number, choice: ConflictChoice): void {
    if (this.answer(this.store.item(itemId), choice)) this.pump();
  }

  /** The same answer for every conflicting item (optionally of one batch). */
  resolveAllConflicts(choice: ConflictChoice, batchId?: number): void {
    for (const it of this.store.items({ batchId, states: ['conflict'] })) this.answer(it, choice);
    this.pump();
  }

  private answer(it: QueueItem, choice: ConflictChoice): boolean {
    if (it.state !== 'conflict') return false;
    if (it.lookalike) {
      this.changed(this.store.update(it.id, choice === 'skip' ? { state: 'skipped' } : { state: 'pending', screened: true, lookalike: null }));
    } else {
      // Back to pending: the target is looked up again, so the choice applies to what is there now.
      this.changed(this.store.update(it.id, { state: 'pending', conflictChoice: choice }));
    }
    return true;
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
    this.screening.stopAll();
    this.report.stop();
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
    const allowed = reason === 'pause' ? STOPPABLE : CANCELLABLE;
    if (!allowed.includes(it.state)) return;
    this.changed(this.store.update(itemId, { state: reason === 'pause' ? 'paused' : 'cancelled' }));
  }

  private stopAll(reason: StopReason, batchId?: number): void {
    const states: ItemState[] = reason === 'pause' ? ['pending', 'queued', 'conflict'] : ['pending', 'queued', 'conflict', 'paused', 'receiving'];
    for (const [id, a] of this.active) {
      if (batchId === undefined || this.store.item(id).batchId === batchId) a.controller.abort(reason);
    }
    const to: ItemState = reason === 'pause' ? 'paused' : 'cancelled';
    // A cancelled batch still being queued in parts takes no further part: its files are not wanted either.
    if (reason === 'cancel') this.report.refuseParts(batchId);
    for (const id of this.store.moveStates(states, to, batchId)) {
      if (!this.active.has(id)) this.changed(this.store.item(id));
    }
  }

  private changed(item: QueueItem): void {
    this.report.itemChanged(item);
    this.emit('item', item);
    this.report.maybeEmitTotal();
    if (TERMINAL_STATES.includes(item.state)) this.report.checkBatchDone(item.batchId);
  }

  private pump(): void {
    if (!this.started || this.closed) return;
    // The next runnable files in order: those the near-duplicate check must see first go to its lane, the
    // others (or already checked) take the free upload slots, so checking never stands in front of sending.
    // pump runs on every change and each pass reads its rows in full, so it reads only what can act: without the
    // check, the free slots' worth of files; with it, the lookahead while a check or an upload can start.
    const free = this.concurrency - this.active.size;
    const lookahead = !this.screening.enabled ? free : this.screening.hasRoom || free > 0 ? LOOKAHEAD : 0;
    const runnable = lookahead > 0 ? this.store.nextWork(RUNNABLE, new Set(this.active.keys()), lookahead) : [];
    for (const next of runnable) {
      const batch = this.batchOf(next.batchId);
      if (this.screening.holds(next, batch)) this.screening.offer(next, batch);
      else if (this.active.size < this.concurrency) this.launch(next);
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
