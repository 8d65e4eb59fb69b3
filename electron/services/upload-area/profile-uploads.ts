import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ImageKit } from '@imagekit/nodejs';
import type { BatchSummary, FileProgress, TotalProgress, UploadItem } from '../../../shared/domain/uploads';
import { UploadQueue, type AddRequest, type UploadQueueOptions } from '../upload-queue/upload-queue';
import type { Batch, QueueItem } from '../upload-queue/types';
import type { UploadSource as QueueSource } from '../upload-queue/source-expander';
import { AppError } from '../../../shared/ipc/index';
import { AreaStore } from './area-store';
import { isImageName, NearDuplicateFinder } from './near-duplicates';
import { StagingArea } from './staging';
import { toUploadItem } from './to-upload-item';
import { errorMessage } from '../../../shared/error-message';

export interface ProfileUploadsEvents {
  item(item: UploadItem): void;
  progress(progress: FileProgress[]): void;
  total(total: TotalProgress): void;
  batchDone(summary: BatchSummary): void;
  log(message: string, error?: unknown): void;
}

/** Per-file progress is gathered and pushed at most this often, as one message. */
const PROGRESS_FLUSH_MS = 200;
/** The list shows at most this many recent items (the window's list is virtualized; this bounds the message). */
const LIST_LIMIT = 10_000;
/** Differing pHash bits up to which an image counts as a look-alike of a library image. */
const LOOKALIKE_DISTANCE = 6;
/** Target folders of a batch whose image hashes are fetched ahead (a dropped tree may have many). */
const PREFETCHED_FOLDERS = 8;
/** The files of one batch are compared with their folders as they were when the batch began. */
const batchScope = (batchId: number) => `batch-${batchId}`;
const FINISHED_NOT_FAILED = new Set(['done', 'skipped', 'cancelled']);

/**
 * One profile's uploads: its durable queue (`<profileDir>/uploads.db`), staged bytes, option defaults and
 * near-duplicate check. Queue events become the area's pushes.
 */
export class ProfileUploads {
  readonly store: AreaStore;
  readonly staging: StagingArea;
  readonly duplicates: NearDuplicateFinder;
  private queue: UploadQueue;
  /** Set while the queue is being reopened (a concurrency change); callers wait for it. */
  private reopening: Promise<void> | null = null;
  private readonly dbPath: string;
  private pendingProgress = new Map<number, FileProgress>();
  /** Items waiting in `receiving`, by the staged id their bytes go to (this run only: a restart fails them). */
  private readonly incoming = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly profileId: string,
    profileDir: string,
    private readonly client: () => Promise<ImageKit>,
    private readonly events: ProfileUploadsEvents,
    private readonly queueOptions: Omit<UploadQueueOptions, 'concurrency'> = {},
  ) {
    mkdirSync(profileDir, { recursive: true });
    this.dbPath = path.join(profileDir, 'uploads.db');
    this.store = new AreaStore(this.dbPath);
    this.staging = new StagingArea(path.join(profileDir, 'staging'));
    this.duplicates = new NearDuplicateFinder(client);
    this.queue = this.openQueue(this.store.concurrency());
    void this.removeOrphanedStaging().catch((error: unknown) => this.events.log('could not tidy the staging folder', error));
  }

  /** The open queue (after a concurrency change has finished reopening it). */
  async current(): Promise<UploadQueue> {
    await this.reopening;
    return this.queue;
  }

  /**
   * Queues a batch at once. An `incoming` source's file is staged empty first; its item waits in `receiving`
   * until `arrived` names its staged id, so the window sends bytes while earlier files already upload.
   */
  async add(req: Omit<AddRequest, 'profileId'>): Promise<{ batchId: number; items: UploadItem[]; incoming: { stagedId: string; itemId: number }[] }> {
    const { batchId, items } = await (await this.current()).add({ ...req, profileId: this.profileId });
    if (req.options?.nearDuplicateCheck) {
      // The folders' image hashes are fetched while the first files arrive, not when the first one is checked.
      const folders = new Set(items.filter((it) => it.sourceKind === 'file' && isImageName(it.fileName)).map((it) => it.folder));
      for (const folder of [...folders].slice(0, PREFETCHED_FOLDERS)) this.duplicates.prefetch(batchScope(batchId), folder);
    }
    const itemBySource = new Map(items.filter((it) => it.state === 'receiving').map((it) => [it.source, it.id]));
    const incoming = req.sources
      .filter((s): s is Extract<QueueSource, { kind: 'incoming' }> => s.kind === 'incoming')
      .map((s) => ({ stagedId: this.staging.idOf(s.path), itemId: itemBySource.get(path.resolve(s.path))! }));
    for (const { stagedId, itemId } of incoming) this.incoming.set(stagedId, itemId);
    return { batchId, items: items.map((it) => this.view(it)), incoming };
  }

  /** An incoming file's empty staged copy, to queue with `add`; `groupId` keeps one drop together. */
  async reserve(relativePath: string, size: number, groupId?: string): Promise<Extract<QueueSource, { kind: 'incoming' }> & { groupId: string }> {
    const { stagedId, groupId: group } = await this.staging.begin(relativePath, size, groupId);
    return { kind: 'incoming', path: this.staging.fileOf(stagedId), relativePath, size, groupId: group };
  }

  /** Streams the bytes of an incoming file into its staged copy; its item is sent as soon as they are all in. */
  async receive(stagedId: string, body: Readable): Promise<number> {
    let size: number;
    try {
      size = await this.staging.receive(stagedId, body);
    } catch (error) {
      // A second writer, or an id no longer open (cancelled, complete), says nothing about the file itself.
      const aboutTheFile = !(error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'));
      if (aboutTheFile) {
        this.notArrived(stagedId, error);
        // Half a file is of no use (a retry would send it short): the window sends it again as a new drop.
        await this.staging.discard(stagedId).catch((e: unknown) => this.events.log('could not remove a half-received file', e));
      }
      throw error;
    }
    await this.arrived(stagedId);
    return size;
  }

  /** Every byte of a staged file is in (chunks or a stream): an item waiting for it can be sent. */
  async arrived(stagedId: string): Promise<void> {
    const itemId = this.incoming.get(stagedId);
    if (itemId === undefined) return;
    this.incoming.delete(stagedId);
    (await this.current()).received(itemId);
  }

  /** The bytes of a staged file will not all arrive: an item waiting for them fails, saying why. */
  notArrived(stagedId: string, error: unknown): void {
    const itemId = this.incoming.get(stagedId);
    if (itemId === undefined) return;
    this.incoming.delete(stagedId);
    const reason = errorMessage(error);
    void this.current().then((q) => q.notReceived(itemId, `The file did not arrive completely: ${reason}`, 'Drop or pick the file again to upload it.'));
  }

  async list(): Promise<{ items: UploadItem[]; totals: TotalProgress; concurrency: number }> {
    const queue = await this.current();
    // Items cleared before the queue kept the flag itself are still listed in the area's own table.
    const cleared = this.store.clearedIds();
    const items = queue.items({ cleared: false }).filter((it) => !cleared.has(it.id));
    return { items: items.slice(-LIST_LIMIT).map((it) => this.view(it)), totals: queue.totals(), concurrency: this.store.concurrency() };
  }

  /** Removes finished items from the list and from the totals. */
  async clearFinished(): Promise<number> {
    return (await this.current()).clearFinished().length;
  }

  /**
   * The queue's concurrency is fixed when it opens, so a change reopens it. In-flight uploads are stopped
   * and, being marked for reconciliation, are checked against the library before anything is resent.
   */
  async setConcurrency(concurrency: number): Promise<void> {
    await this.reopening;
    this.store.saveConcurrency(concurrency);
    const old = this.queue;
    this.reopening = old.close().then(() => {
      this.queue = this.openQueue(concurrency);
      this.reopening = null;
    });
    await this.reopening;
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.reopening;
    await this.queue.close();
    this.store.close();
  }

  /**
   * Drops left behind by a crash while their bytes were arriving, or whose files all finished, are
   * removed; a drop with a file still queued (or failed, so it can be retried) is kept.
   */
  private async removeOrphanedStaging(): Promise<void> {
    // Listed synchronously at construction: drops begun after that are never touched.
    let groups: string[];
    try {
      groups = readdirSync(this.staging.root);
    } catch {
      return; // nothing staged yet
    }
    const needed = this.queue
      .items({ states: ['pending', 'conflict', 'queued', 'uploading', 'paused', 'failed'] })
      .filter((it) => it.sourceKind === 'file' && this.staging.owns(it.source))
      .map((it) => this.staging.idOf(it.source).split('/')[0]);
    const keep = new Set(needed);
    for (const group of groups) if (!keep.has(group)) await this.staging.discard(group);
  }

  private view(item: QueueItem): UploadItem {
    return toUploadItem(item, this.staging.root);
  }

  private openQueue(concurrency: number): UploadQueue {
    const queue = new UploadQueue(() => this.client(), this.dbPath, {
      ...this.queueOptions,
      concurrency,
      lookalikes: {
        applies: (item: QueueItem) => isImageName(item.fileName),
        find: (item: QueueItem, batch: Batch) =>
          this.duplicates.lookalike({ source: item.source, file: item.source, name: item.fileName, folder: item.folder }, LOOKALIKE_DISTANCE, batchScope(batch.id)),
      },
    });
    queue.on('item', (item) => {
      this.events.item(this.view(item));
      // Staged bytes are temp copies: once a file is uploaded, skipped or cancelled they are not needed.
      // A failed one is kept so "Retry" can send it again.
      if (item.sourceKind === 'file' && FINISHED_NOT_FAILED.has(item.state) && this.staging.owns(item.source)) {
        void this.staging.release(item.source).catch((error: unknown) => this.events.log('could not remove a staged upload', error));
      }
    });
    queue.on('progress', (p) => {
      this.pendingProgress.set(p.itemId, p);
      this.flushTimer ??= setTimeout(() => this.flushProgress(), PROGRESS_FLUSH_MS);
    });
    queue.on('total', (t) => this.events.total(t));
    queue.on('batchDone', ({ batchId, counts }) => {
      this.flushProgress();
      const folders = [...new Set(queue.items({ batchId }).filter((it) => it.state === 'done').map((it) => it.folder))];
      this.events.batchDone({ batchId, counts, folders });
    });
    queue.on('internalError', (error) => this.events.log(`upload queue of profile ${this.profileId} hit an internal error`, error));
    queue.start();
    return queue;
  }

  private flushProgress(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingProgress.size === 0) return;
    const batch = [...this.pendingProgress.values()];
    this.pendingProgress = new Map();
    this.events.progress(batch);
  }
}
