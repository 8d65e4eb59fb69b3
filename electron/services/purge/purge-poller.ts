import type ImageKit from '@imagekit/nodejs';
import { APIError } from '@imagekit/nodejs';
import type { PurgeStore } from './purge-store';

export interface PollerDeps {
  store: PurgeStore;
  client: () => Promise<ImageKit>;
  /** Waits between status rounds; the last one repeats until everything completed. */
  delaysMs: readonly number[];
  onChanged: (requestId: string) => void;
  log: (message: string, error?: unknown) => void;
  now: () => Date;
}

/**
 * Follows a profile's pending purge URLs with ImageKit's status endpoint until each reports
 * `Completed`. One loop per profile; `kick()` restarts it after new URLs were sent.
 */
export class PurgePoller {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #round = 0;
  /** The URL that last answered Pending: the next round starts just after it. */
  #lastPending: string | undefined;
  #running = false;
  #closed = false;

  constructor(private readonly deps: PollerDeps) {}

  kick(): void {
    if (this.#closed) return;
    this.#round = 0;
    if (this.#running) return; // the running round reschedules at the quick pace when it ends
    // A long back-off wait may be pending from earlier URLs: start over at the quick pace.
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.schedule();
  }

  private schedule(): void {
    if (this.#closed || this.#timer !== undefined) return;
    const { delaysMs } = this.deps;
    const delay = delaysMs[Math.min(this.#round, delaysMs.length - 1)] ?? 1000;
    this.#round += 1;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.runRound();
    }, delay);
  }

  private async runRound(): Promise<void> {
    if (this.#closed) return;
    this.#running = true;
    try {
      const pending = this.deps.store.pendingUrls();
      if (!pending.length) return;
      const client = await this.deps.client();
      const changed = new Set<string>();
      const keyOf = (item: { requestId: string; position: number }) => `${item.requestId}:${item.position}`;
      const start = (pending.findIndex((item) => keyOf(item) === this.#lastPending) + 1) % pending.length;
      const rotated = [...pending.slice(start), ...pending.slice(0, start)];
      for (const item of rotated) {
        if (this.#closed) return;
        try {
          const { status } = await client.cache.invalidation.get(item.ikRequestId);
          if (this.#closed) return; // the store is closed with the poller
          // Purges finish roughly in the order they were sent: stop at the first one still pending,
          // so a round costs one call per completed URL plus one (ImageKit's rate limit applies).
          // The next round starts just after it, so one slow purge never hides the others.
          if (status !== 'Completed') {
            this.#lastPending = keyOf(item);
            break;
          }
          this.deps.store.markCompleted(item.requestId, item.position, this.deps.now());
          changed.add(item.requestId);
        } catch (error) {
          if (error instanceof APIError && error.status === 400) {
            // ImageKit no longer knows the id ("No request found for this requestId."): polling cannot finish it.
            const said = (error.error as { message?: string } | undefined)?.message ?? 'ImageKit does not know this purge request.';
            this.deps.store.markFailed(item.requestId, item.position, said);
            changed.add(item.requestId);
          } else {
            this.deps.log(`purge status check failed for ${item.ikRequestId}; will retry`, error);
            break;
          }
        }
      }
      // While URLs keep completing, keep the quick pace; back off only when nothing moved.
      if (changed.size) this.#round = 0;
      for (const id of changed) this.deps.onChanged(id);
    } catch (error) {
      this.deps.log('purge status round failed; will retry', error);
    } finally {
      this.#running = false;
      if (!this.#closed && this.hasPending()) this.schedule();
    }
  }

  private hasPending(): boolean {
    try {
      return this.deps.store.pendingUrls().length > 0;
    } catch (error) {
      this.deps.log('could not read pending purges', error);
      return false;
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
