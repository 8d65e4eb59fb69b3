import type { ImageKit } from '@imagekit/nodejs';
import type { LibraryFile, LibraryProbe } from './library-probe.js';
import { keepBothName } from './library-probe.js';
import { FileProgressMeter } from './progress-tracker.js';
import type { QueueStore } from './queue-store.js';
import { backoffDelay, classifyFailure, sleep, type RetryOptions } from './retry-policy.js';
import { createStreamingFetch } from './streaming-fetch.js';
import type { Batch, FileProgress, QueueItem, UploadResultSummary } from './types.js';
import { buildUploadParams, SourceUnavailableError } from './upload-request.js';

/** Why a running item was interrupted from outside. */
export type StopReason = 'pause' | 'cancel' | 'close';

export interface RunnerDeps {
  store: QueueStore;
  getClient: () => Promise<ImageKit>;
  probe: LibraryProbe;
  retry: RetryOptions;
  requestTimeoutMs: number;
  onItem: (item: QueueItem) => void;
  onProgress: (p: FileProgress) => void;
  onMeter: (meter: FileProgressMeter | null) => void;
}

function summary(file: LibraryFile, via: UploadResultSummary['via']): UploadResultSummary {
  return { fileId: file.fileId, filePath: file.filePath, name: file.name, size: file.size, versionId: file.versionId, url: file.url, via };
}

function stopReason(signal: AbortSignal): StopReason | null {
  return signal.aborted ? ((signal.reason as StopReason | undefined) ?? 'close') : null;
}

/**
 * Carries one item from `pending`/`queued` to a resting state. Every transition is written to the store before the
 * next network step, so a crash at any point leaves a state the next run can finish without double uploads.
 */
export class ItemRunner {
  private alreadyExistsRetries = 0;
  /** Some attempt of this item may have reached the server (this run, or before a crash). */
  private hadAmbiguousAttempt: boolean;

  constructor(
    private item: QueueItem,
    private readonly batch: Batch,
    private readonly deps: RunnerDeps,
    private readonly signal: AbortSignal,
  ) {
    this.hadAmbiguousAttempt = item.needsReconcile;
  }

  private set(patch: Parameters<QueueStore['update']>[1]): QueueItem {
    this.item = this.deps.store.update(this.item.id, patch);
    this.deps.onItem(this.item);
    return this.item;
  }

  private get unique(): boolean {
    return this.batch.options.useUniqueFileName === true;
  }

  async run(): Promise<void> {
    try {
      await this.runSteps();
      // A pause/cancel that arrived while the item was parking itself (conflict) still applies.
      const late = stopReason(this.signal);
      if (late && (this.item.state === 'conflict' || this.item.state === 'queued' || this.item.state === 'pending')) this.stopped(late);
    } catch (err) {
      const reason = stopReason(this.signal);
      if (reason) return this.stopped(reason);
      if (err instanceof SourceUnavailableError) {
        this.set({ state: 'failed', errorMessage: err.message, errorHelp: err.help });
        return;
      }
      const f = classifyFailure(err);
      this.set({ state: 'failed', errorMessage: f.message, errorHelp: f.help });
    }
  }

  private stopped(reason: StopReason): void {
    // 'close' leaves the row as it is: the next start reconciles whatever was in flight.
    if (reason === 'pause') this.set({ state: 'paused' });
    else if (reason === 'cancel') this.set({ state: 'cancelled' });
  }

  private async runSteps(): Promise<void> {
    for (;;) {
      if (this.item.needsReconcile && (await this.finishIfLanded())) return;
      if (this.item.state === 'pending' && !(await this.preflight())) return;
      if (stopReason(this.signal)) throw new DOMException('stopped', 'AbortError');
      const next = await this.send();
      if (next === 'done') return;
    }
  }

  private async finishIfLanded(): Promise<boolean> {
    const claimed = this.unique ? this.deps.store.claimedFileIds(this.item.folder) : new Set<string>();
    const outcome = await this.deps.probe.reconcile(this.item, this.unique, claimed);
    if (outcome.landed) {
      this.set({ state: 'done', needsReconcile: false, errorMessage: null, errorHelp: null, result: summary(outcome.file, 'reconciled') });
      return true;
    }
    this.set({ needsReconcile: false });
    return false;
  }

  /** Decides the conflict before sending. Returns false when the item must wait (conflict) or is skipped. */
  private async preflight(): Promise<boolean> {
    const files = await this.deps.probe.listFolder(this.item.folder);
    let snapshot = this.deps.probe.snapshotFor(files, this.item, this.unique);
    let targetName = this.item.targetName;
    if (!this.unique && snapshot.existing) {
      const choice = this.item.conflictChoice ?? this.batch.options.onConflict ?? 'ask';
      if (choice === 'ask') {
        this.set({ state: 'conflict', snapshot });
        return false;
      }
      if (choice === 'skip') {
        this.set({ state: 'skipped', snapshot, conflictChoice: 'skip' });
        return false;
      }
      if (choice === 'keepBoth') {
        const names = new Set(files.map((f) => f.name));
        const claimed = this.deps.store.claimedNames(this.item.folder, this.item.id);
        targetName = keepBothName(this.item.fileName, (n) => names.has(n) || claimed.has(n));
        snapshot = { existing: null };
      }
      this.set({ conflictChoice: choice });
    }
    this.set({ state: 'queued', snapshot, targetName });
    return true;
  }

  /** One attempt plus its retry decision. Returns 'done' when the item reached a resting state. */
  private async send(): Promise<'done' | 'again'> {
    const attempts = this.item.attempts + 1;
    // Marked before the request leaves: if we die mid-flight, the next start reconciles instead of resending blindly.
    this.set({ state: 'uploading', attempts, needsReconcile: true });
    const meter = new FileProgressMeter(this.item.id, this.item.batchId, this.item.size, this.deps.onProgress);
    this.deps.onMeter(meter);
    try {
      const params = await buildUploadParams(this.item, this.batch.options, this.item.conflictChoice);
      const client = (await this.deps.getClient()).withOptions({
        fetch: createStreamingFetch((sent, total) => meter.onRequestBytes(sent, total), this.item.sourceKind === 'file' ? { path: this.item.source } : undefined),
        maxRetries: 0, // retries are ours: backoff, X-RateLimit-Reset and reconciliation
        timeout: this.deps.requestTimeoutMs,
      });
      const res = await client.files.upload(params, { signal: this.signal });
      const file: LibraryFile = {
        fileId: res.fileId ?? '',
        name: res.name ?? this.item.targetName,
        filePath: res.filePath ?? `${this.item.folder === '/' ? '' : this.item.folder}/${this.item.targetName}`,
        size: res.size ?? this.item.size ?? 0,
        versionId: res.versionInfo?.id ?? null,
        updatedAt: null,
        createdAt: null,
        url: res.url ?? null,
      };
      this.deps.probe.noteUploaded(this.item.folder, file);
      const result = { ...summary(file, 'upload'), ...(res.extensionStatus ? { extensionStatus: { ...res.extensionStatus } as Record<string, string> } : {}) };
      this.set({ state: 'done', needsReconcile: false, errorMessage: null, errorHelp: null, result });
      return 'done';
    } catch (err) {
      return this.afterFailure(err, attempts);
    } finally {
      this.deps.onMeter(null);
    }
  }

  private async afterFailure(err: unknown, attempts: number): Promise<'done' | 'again'> {
    const f = classifyFailure(err);
    if (f.kind === 'aborted' || stopReason(this.signal)) throw err;
    if (f.kind === 'final') {
      if (err instanceof SourceUnavailableError) throw err;
      const exists = /already exists/i.test(f.message);
      if (exists && !this.unique && this.item.conflictChoice !== 'replace' && this.alreadyExistsRetries++ < 2) {
        // Either an earlier ambiguous attempt landed (reconcile adopts it) or someone else created the file
        // since our listing: check again, then decide the conflict with fresh data.
        this.deps.probe.invalidate(this.item.folder);
        if (this.hadAmbiguousAttempt && (await this.finishIfLanded())) return 'done';
        this.set({ state: 'pending' });
        return 'again';
      }
      this.set({ state: 'failed', needsReconcile: false, errorMessage: f.message, errorHelp: f.help });
      return 'done';
    }
    // 429 is refused before processing; anything else may have stored the file.
    const ambiguous = f.kind === 'transient';
    if (ambiguous) this.hadAmbiguousAttempt = true;
    if (attempts >= this.deps.retry.maxAttempts) {
      if (ambiguous && (await this.finishIfLanded())) return 'done';
      this.set({
        state: 'failed',
        errorMessage: `Gave up after ${attempts} attempts: ${f.message}`,
        errorHelp: 'The server kept failing or was unreachable. Check the connection and the service status, then retry this item.',
      });
      return 'done';
    }
    this.set({ state: 'queued', needsReconcile: ambiguous, errorMessage: f.message, errorHelp: f.help });
    await sleep(backoffDelay(attempts, this.deps.retry, f.waitMs), this.signal);
    return 'again';
  }
}
