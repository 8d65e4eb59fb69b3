import type { QueueStore } from './queue-store.js';
import type { Batch, Lookalike, QueueItem } from './types.js';

/** The near-duplicate check, as the queue asks it (see UploadQueueOptions.lookalikes). */
export interface LookalikeCheck {
  /** Whether the check looks at this file at all (images); any other file is never held. */
  applies(item: QueueItem): boolean;
  /** The library image the file looks like, or null. */
  find(item: QueueItem, batch: Batch, signal: AbortSignal): Promise<Lookalike | null>;
}

/** Files checked at once: hashing is CPU work, and the uploads beside it need the CPU too. */
const CHECKS_AT_ONCE = 2;

/**
 * Runs the near-duplicate check beside the uploads, never in front of them: a file that must be checked waits
 * here (not in an upload slot) while the files after it that need no check, or are already checked, are sent.
 * A checked file is marked `screened` and goes to the uploads; one that looks like a library image waits in
 * `conflict` with its `lookalike` for the person's choice.
 */
export class ScreeningLane {
  private readonly running = new Map<number, AbortController>();

  constructor(
    private readonly check: LookalikeCheck | undefined,
    private readonly store: QueueStore,
    private readonly changed: (item: QueueItem) => void,
    private readonly settled: () => void,
  ) {}

  /** Whether the queue checks files at all (it was given a look-alike check). */
  get enabled(): boolean {
    return this.check !== undefined;
  }

  /** Whether a check offered now would start. */
  get hasRoom(): boolean {
    return this.check !== undefined && this.running.size < CHECKS_AT_ONCE;
  }

  /** The item may not be sent before it is checked (and has not been checked yet). */
  holds(item: QueueItem, batch: Batch): boolean {
    return (
      this.check !== undefined &&
      batch.options.nearDuplicateCheck === true &&
      item.sourceKind === 'file' &&
      !item.screened &&
      item.conflictChoice !== 'replace' &&
      this.check.applies(item)
    );
  }

  /** Starts checking the item if it is not being checked and there is room. */
  offer(item: QueueItem, batch: Batch): void {
    if (!this.check || this.running.has(item.id) || this.running.size >= CHECKS_AT_ONCE) return;
    const controller = new AbortController();
    this.running.set(item.id, controller);
    void this.run(this.check, item, batch, controller.signal).finally(() => {
      this.running.delete(item.id);
      this.settled();
    });
  }

  /** Stops every check in flight (the queue is closing); their items stay unchecked for the next run. */
  stopAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  private async run(check: LookalikeCheck, item: QueueItem, batch: Batch, signal: AbortSignal): Promise<void> {
    let found: Lookalike | null;
    try {
      found = await check.find(item, batch, signal);
    } catch (error) {
      if (signal.aborted || !this.stillWaiting(item.id)) return;
      this.changed(
        this.store.update(item.id, {
          state: 'failed',
          errorMessage: `Could not compare it with the images in ${item.folder}: ${error instanceof Error ? error.message : String(error)}`,
          errorHelp: 'Retry it, or upload it with the look-alike check turned off.',
        }),
      );
      return;
    }
    // Paused, cancelled or answered meanwhile: the check's answer no longer applies.
    if (signal.aborted || !this.stillWaiting(item.id)) return;
    this.changed(this.store.update(item.id, found ? { state: 'conflict', lookalike: found } : { screened: true }));
  }

  private stillWaiting(itemId: number): boolean {
    const state = this.store.item(itemId).state;
    return state === 'pending' || state === 'queued';
  }
}
