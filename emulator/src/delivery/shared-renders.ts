interface Entry<T> {
  promise: Promise<T>;
  waiters: number;
  controller: AbortController;
}

/**
 * Identical cache misses arriving together (a grid of thumbnails) share one render. The render gets
 * its own abort signal, fired only when every client waiting for it has gone; a waiter without a signal
 * (the authenticated metadata API) keeps it alive.
 */
export class SharedRenders<T> {
  private readonly running = new Map<string, Entry<T>>();

  join(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = this.running.get(key);
    if (!entry || entry.controller.signal.aborted) {
      const controller = new AbortController();
      const created: Entry<T> = { promise: start(controller.signal), waiters: 0, controller };
      const forget = () => {
        if (this.running.get(key) === created) this.running.delete(key);
      };
      created.promise.then(forget, forget);
      this.running.set(key, created);
      entry = created;
    }
    const joined = entry;
    joined.waiters += 1;
    if (signal) {
      const leave = () => {
        joined.waiters -= 1;
        if (joined.waiters === 0) joined.controller.abort();
      };
      if (signal.aborted) leave();
      else {
        signal.addEventListener('abort', leave, { once: true });
        const stopListening = () => signal.removeEventListener('abort', leave);
        joined.promise.then(stopListening, stopListening);
      }
    }
    return joined.promise;
  }

  /** Resolves once every render started so far has settled (its cache write included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()].map((e) => e.promise));
  }
}
