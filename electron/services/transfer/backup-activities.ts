import { randomUUID } from 'node:crypto';
import type { BackupActivityView } from '../../../shared/ipc/areas/transfer';
import { AppError } from '../../../shared/ipc/index';

type Progress = Pick<BackupActivityView, 'files' | 'bytes'>;

/** Finished backups stay listed this long (the drawer shows how they ended), then are forgotten. */
const KEEP_FINISHED_MS = 24 * 60 * 60_000;
const MAX_KEPT = 100;

/**
 * The backups of this run and how far each got: what `transfer.backups` lists and
 * `transfer.backupChanged` pushes (progress at most every `intervalMs`, state changes at once).
 * Backups are not durable jobs: a backup interrupted by a crash is made again, and a folder backup
 * then downloads only what is missing.
 */
export class BackupActivities {
  readonly #views = new Map<string, BackupActivityView>();
  readonly #controllers = new Map<string, AbortController>();
  readonly #lastEmit = new Map<string, number>();

  constructor(
    private readonly publish: (view: BackupActivityView) => void,
    private readonly intervalMs = 250,
  ) {}

  create(init: Pick<BackupActivityView, 'kind' | 'profileId' | 'path' | 'destination'> & { state: 'waiting' | 'running' }): { view: BackupActivityView; signal: AbortSignal } {
    this.#prune();
    const view: BackupActivityView = { ...init, id: randomUUID(), files: { done: 0, total: 0 }, bytes: { done: 0, total: 0 }, message: null, startedAt: Date.now(), finishedAt: null };
    const controller = new AbortController();
    this.#views.set(view.id, view);
    this.#controllers.set(view.id, controller);
    this.publish(view);
    return { view, signal: controller.signal };
  }

  get(id: string): BackupActivityView {
    const view = this.#views.get(id);
    if (!view) throw new AppError('NOT_FOUND', 'That backup is no longer listed (backups are kept for a day); start it again.');
    return view;
  }

  signalOf(id: string): AbortSignal {
    const controller = this.#controllers.get(id);
    if (!controller) throw new AppError('NOT_FOUND', 'That backup has ended.');
    return controller.signal;
  }

  list(): BackupActivityView[] {
    this.#prune();
    return [...this.#views.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** A waiting zip starts when its download is asked for; only once. */
  begin(id: string): BackupActivityView {
    const view = this.get(id);
    if (view.state !== 'waiting') throw new AppError('NOT_ALLOWED', 'This backup was downloaded already (or cancelled); make it again to download it again.');
    return this.#set(id, { state: 'running', startedAt: Date.now() }, true);
  }

  progress(id: string, progress: Partial<Progress>): void {
    const now = Date.now();
    const force = now - (this.#lastEmit.get(id) ?? 0) >= this.intervalMs;
    this.#set(id, progress, force);
  }

  finish(id: string, state: 'done' | 'failed' | 'cancelled', message: string | null = null): BackupActivityView {
    this.#controllers.delete(id);
    return this.#set(id, { state, message, finishedAt: Date.now() }, true);
  }

  cancel(id: string): BackupActivityView {
    const view = this.get(id);
    if (view.state !== 'waiting' && view.state !== 'running') return view;
    this.#controllers.get(id)?.abort(new AppError('CANCELLED', 'The backup was cancelled.'));
    return this.finish(id, 'cancelled', view.kind === 'folder' ? 'Cancelled; the files already saved stay in the folder.' : 'Cancelled; the download stops unfinished.');
  }

  /** Stops every backup still running (the app is closing). */
  abortAll(): void {
    for (const controller of this.#controllers.values()) controller.abort(new AppError('CANCELLED', 'MediaDesk is closing.'));
  }

  #set(id: string, patch: Partial<BackupActivityView>, emit: boolean): BackupActivityView {
    const view = { ...this.get(id), ...patch };
    // A cancelled or finished backup keeps its end state, whatever its stream reports afterwards.
    const previous = this.#views.get(id)!;
    if (previous.finishedAt !== null && patch.finishedAt === undefined) return previous;
    this.#views.set(id, view);
    if (emit) {
      this.#lastEmit.set(id, Date.now());
      this.publish(view);
    }
    return view;
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, view] of this.#views) {
      const stale = view.finishedAt !== null ? now - view.finishedAt > KEEP_FINISHED_MS : view.state === 'waiting' && now - view.startedAt > 10 * 60_000;
      if (stale) {
        this.#views.delete(id);
        this.#controllers.delete(id);
        this.#lastEmit.delete(id);
      }
    }
    while (this.#views.size > MAX_KEPT) {
      const oldest = [...this.#views.values()].filter((v) => v.finishedAt !== null).sort((a, b) => a.startedAt - b.startedAt)[0];
      if (!oldest) break;
      this.#views.delete(oldest.id);
    }
  }
}
