import { checkEvent, type EventName, type EventPayload } from '../../../shared/ipc/index';

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Main → renderer pushes. Services emit here; each transport (Electron window, WebSocket clients)
 * subscribes once and forwards. Payloads are checked against the contract in dev and test.
 */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  constructor(private readonly validate: boolean) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = checkEvent(event, payload, this.validate);
    for (const listener of this.#listeners) listener(event, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
