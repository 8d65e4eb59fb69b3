import { EventEmitter } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import pLimit from 'p-limit';
import { APIError } from '@imagekit/nodejs';
import type { CustomMetadataFieldCreateParams } from '@imagekit/nodejs/resources/custom-metadata-fields';
import { classifyFailure, withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import type { ChecksumCache } from './checksum-cache';
import { TransferItemRunner, type LibraryAccess, type StopReason } from './item-runner';
import type { JobItem, JobState, JobStore, SetupTask } from './job-store';
import { JobMeter, type JobPhase, type JobProgress } from './progress';
import { baseName, parentOf } from './paths';
import { buildReport, type TransferReport } from './report';
import { deleteVerifiedSources } from './source-cleanup';
import type { FieldDefinition } from './types';
import { verifyItem } from './verifier';

export interface TransferJobDeps {
  store: JobStore;
  stagingDir: string;
  target: LibraryAccess;
  sourceAccess(profileId: string): Promise<LibraryAccess>;
  cache: ChecksumCache;
  retry: RetryOptions;
  concurrency: number;
  requestTimeoutMs: number;
  /** How often progress is emitted while bytes flow. */
  progressIntervalMs?: number;
}

export interface TransferJobEvents {
  progress: [JobProgress];
  item: [JobItem];
  state: [JobState];
}

const TERMINAL: readonly JobState[] = ['done', 'cancelled', 'failed'];

/**
 * Runs one durable transfer job: setup (custom metadata fields, empty folders), the items with a
 * fixed number of workers, verification of every finished item, source deletion for moves, and
 * the report. `run()` may be called again after a pause or in a new process after a crash: it
 * continues from what the job's SQLite file says.
 */
export class TransferJob extends EventEmitter<TransferJobEvents> {
  readonly id: string;
  private readonly meter: JobMeter;
  private readonly active = new Map<number, AbortController>();
  private readonly stopAll = new AbortController();
  private phase: JobPhase = 'idle';
  private lastEmit = 0;
  private running: Promise<void> | null = null;
  private lastState: JobState | null = null;
  /** Read once: the plan is large (every source and target file) and items only need these. */
  private readonly targetDefaults: Record<string, unknown>;

  constructor(private readonly deps: TransferJobDeps) {
    super();
    this.id = deps.store.jobState().id;
    // Items that were running when a previous process ended are picked up again; their
    // needsReconcile flag makes the runner look at the target before sending anything.
    deps.store.moveStates(['running'], 'pending');
    this.meter = new JobMeter(deps.store.items());
    this.targetDefaults = deps.store.job().plan.targetFieldDefaults ?? {};
  }

  get state(): JobState {
    return this.deps.store.state();
  }

  progress(): JobProgress {
    return this.meter.snapshot(this.id, this.state, this.phase, this.deps.store.counts());
  }

  /** Runs (or continues) the job until it is finished, paused or cancelled. */
  run(): Promise<void> {
    this.running ??= this.runOnce().finally(() => (this.running = null));
    return this.running;
  }

  pause(): void {
    if (TERMINAL.includes(this.state)) return;
    this.deps.store.setJobState('paused');
    for (const controller of this.active.values()) controller.abort('pause' satisfies StopReason);
    this.deps.store.moveStates(['pending'], 'paused');
    this.changed();
  }

  resume(): Promise<void> {
    if (this.state !== 'paused') return this.running ?? Promise.resolve();
    this.deps.store.moveStates(['paused'], 'pending');
    this.deps.store.setJobState('running');
    this.changed();
    return this.run();
  }

  async cancel(): Promise<void> {
    if (TERMINAL.includes(this.state)) return;
    this.deps.store.setJobState('cancelled');
    for (const controller of this.active.values()) controller.abort('cancel' satisfies StopReason);
    await this.running;
    this.deps.store.moveStates(['pending', 'paused', 'running'], 'cancelled');
    this.deps.store.setJobState('cancelled', { report: this.report() });
    this.changed();
  }

  /** Stops the workers without changing their rows: the next run reconciles whatever was in flight. */
  async close(): Promise<void> {
    this.stopAll.abort('close');
    for (const controller of this.active.values()) controller.abort('close' satisfies StopReason);
    await this.running?.catch(() => undefined);
  }

  report(): TransferReport {
    return buildReport(this.deps.store.job(), this.deps.store.items(), this.deps.store.setup());
  }

  private async runOnce(): Promise<void> {
    if (this.state === 'paused' || TERMINAL.includes(this.state)) return;
    try {
      await mkdir(this.deps.stagingDir, { recursive: true });
      if (this.state === 'running') {
        this.phase = 'setup';
        this.changed();
        if (!(await this.runSetup())) return;
        this.phase = 'transfer';
        await this.runItems();
        if (this.state !== 'running' || this.stopAll.signal.aborted) return;
        this.deps.store.setJobState('verifying');
      }
      if (this.state === 'verifying') {
        this.phase = 'verify';
        // A phase change is news at once (the drawer's label, a bench's end of the transfer phase), not at the next tick.
        this.changed(true);
        await this.verifyAll();
        if (this.stopAll.signal.aborted) return;
        this.phase = 'finish';
        if (this.deps.store.job().plan.spec.mode === 'move') await deleteVerifiedSources(this.deps.store, this.deps.sourceAccess, this.deps.retry);
        await rm(this.deps.stagingDir, { recursive: true, force: true });
        this.deps.store.setJobState('done', { report: this.report() });
        this.phase = 'idle';
        this.changed(true);
      }
    } catch (error) {
      if (this.stopAll.signal.aborted) return;
      const failure = classifyFailure(error);
      this.deps.store.setJobState('failed', { error: failure.message });
      this.deps.store.setJobState('failed', { report: this.report() });
      this.phase = 'idle';
      this.changed(true);
    }
  }

  /** Fields and folders first: a field must exist before a file carrying its value is uploaded. */
  private async runSetup(): Promise<boolean> {
    const client = this.deps.target.client.withOptions({ maxRetries: 0 });
    const call = <T>(fn: () => Promise<T>) => withRetry(fn, this.deps.retry, this.stopAll.signal);
    for (const task of this.deps.store.setup()) {
      if (task.state === 'done' || task.kind === 'source-delete') continue;
      try {
        if (task.kind === 'field') await this.createField(task, call);
        else {
          const folder = (task.payload as { folder: string }).folder;
          await call(() => client.folders.create({ folderName: baseName(folder), parentFolderPath: parentOf(folder) }, { signal: this.stopAll.signal }));
        }
        this.deps.store.setSetupState(task.kind, task.key, 'done');
      } catch (error) {
        if (this.stopAll.signal.aborted) return false;
        const message = `${task.kind === 'field' ? `Could not create the custom metadata field "${task.key}"` : `Could not create the folder ${task.key}`}: ${classifyFailure(error).message}`;
        this.deps.store.setSetupState(task.kind, task.key, 'failed', message);
        // A missing field would make every upload that carries its values fail: stop before any file.
        this.deps.store.setJobState('failed', { error: message });
        this.deps.store.setJobState('failed', { report: this.report() });
        this.changed(true);
        return false;
      }
    }
    return true;
  }

  private async createField(task: SetupTask, call: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
    const field = task.payload as FieldDefinition;
    const client = this.deps.target.client.withOptions({ maxRetries: 0 });
    try {
      await call(() => client.customMetadataFields.create(field as unknown as CustomMetadataFieldCreateParams, { signal: this.stopAll.signal }));
    } catch (error) {
      // Created by an earlier attempt whose answer was lost: fine if it is the same kind of field.
      if (!(error instanceof APIError && error.status === 400 && /already exists/i.test(classifyFailure(error).message))) throw error;
      const existing = (await call(() => client.customMetadataFields.list({ includeDeleted: false }))).find((f) => f.name === field.name);
      if (!existing || existing.schema.type !== field.schema.type) throw error;
    }
  }

  private async runItems(): Promise<void> {
    const pump = (): Promise<void> => {
      const runners: Promise<void>[] = [];
      while (this.active.size < this.deps.concurrency && this.state === 'running' && !this.stopAll.signal.aborted) {
        const [next] = this.deps.store.nextPending(new Set(this.active.keys()), 1);
        if (!next) break;
        runners.push(this.launch(next).then(pump));
      }
      return Promise.all(runners).then(() => undefined);
    };
    await pump();
  }

  private launch(item: JobItem): Promise<void> {
    const controller = new AbortController();
    this.active.set(item.id, controller);
    const store = this.deps.store;
    const runner = new TransferItemRunner(
      item,
      {
        store,
        target: this.deps.target,
        sourceAccess: this.deps.sourceAccess,
        stagingDir: this.deps.stagingDir,
        retry: this.deps.retry,
        requestTimeoutMs: this.deps.requestTimeoutMs,
        cache: this.deps.cache,
        targetDefaults: this.targetDefaults,
        onItem: (it) => {
          this.meter.itemChanged(it);
          this.emit('item', it);
          this.changed();
        },
        onUploadBytes: (id, sent) => {
          this.meter.uploading(id, sent);
          this.changed();
        },
      },
      controller.signal,
    );
    return runner.run().finally(() => this.active.delete(item.id));
  }

  private async verifyAll(): Promise<void> {
    const plan = this.deps.store.job().plan;
    const sourceChecksums = new Map(plan.sources.map((s) => [s.relPath, s.current.checksum]));
    const done = this.deps.store.items(['done']);
    this.meter.verified = { done: done.filter((i) => i.verify).length, total: done.length };
    const limit = pLimit(this.deps.concurrency);
    await Promise.all(
      done
        .filter((item) => !item.verify)
        .map((item) =>
          limit(async () => {
            if (this.stopAll.signal.aborted) return;
            const verify = await verifyItem(item, sourceChecksums.get(item.relPath) ?? null, {
              target: this.deps.target,
              retry: this.deps.retry,
              cache: this.deps.cache,
              targetDefaults: this.targetDefaults,
              signal: this.stopAll.signal,
            });
            this.emit('item', this.deps.store.update(item.id, { verify }));
            this.meter.verified.done += 1;
            this.changed();
          }),
        ),
    );
  }

  private changed(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < (this.deps.progressIntervalMs ?? 250)) return;
    this.lastEmit = now;
    const progress = this.progress();
    this.emit('progress', progress);
    if (progress.state !== this.lastState) {
      this.lastState = progress.state;
      this.emit('state', progress.state);
    }
  }
}
