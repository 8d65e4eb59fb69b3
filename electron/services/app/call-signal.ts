import type { CallContext } from '../../../shared/ipc/index';

/**
 * The call's cancel signal as the AbortSignal that fetch and the ImageKit SDK take (`{ signal }`).
 * Both hosts already pass a real one; anything else shaped like it is followed by a fresh one.
 */
export function abortSignalOf(call: Pick<CallContext, 'signal'> | undefined): AbortSignal | undefined {
  const signal = call?.signal;
  if (!signal || signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}
