import type { ChannelInput, ChannelOutput, EventPayload } from '../../../shared/ipc/contract';
import type { ChannelName, EventName } from '../../../shared/ipc/names';
import type { ApiBridge } from '../../../shared/ipc/wire';
import { ApiError, fromEnvelope, toApiError } from './errors';
import { getBridge } from './transport';

/** How a call may be stopped: react-query hands its queryFn a `signal` that aborts when the query is superseded. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Channels whose input may be left out (`NoInput`) take no second argument. */
type InputArgs<C extends ChannelName> = undefined extends ChannelInput<C>
  ? [input?: ChannelInput<C>, options?: CallOptions]
  : [input: ChannelInput<C>, options?: CallOptions];

/** Names calls for `cancel`: unique within this page (the prefix tells a reloaded page's calls apart). */
const pagePrefix = Math.random().toString(36).slice(2, 10) || 'page';
let callCount = 0;

/**
 * Sends the call, and when `signal` aborts asks the host to stop it (the search or preview it started
 * on ImageKit is closed) and rejects at once with CANCELLED, without waiting for the host's answer.
 */
function send(bridge: ApiBridge, channel: ChannelName, input: unknown, signal: AbortSignal | undefined) {
  if (!signal) return bridge.invoke(channel, input);
  if (signal.aborted) return Promise.reject(new ApiError('CANCELLED', 'The call was cancelled.', channel));
  const callId = `${pagePrefix}-${(callCount += 1)}`;
  return new Promise<Awaited<ReturnType<ApiBridge['invoke']>>>((resolve, reject) => {
    const onAbort = () => {
      bridge.cancel?.(callId);
      reject(new ApiError('CANCELLED', 'The call was cancelled.', channel));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    bridge
      .invoke(channel, input, callId)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Calls a contract channel and unwraps its envelope: resolves with the typed output, or rejects
 * with an ApiError carrying the contract's error code (or 'TRANSPORT' when the host is gone).
 */
export async function invokeVia<C extends ChannelName>(
  bridge: ApiBridge,
  channel: C,
  ...[input, options]: InputArgs<C>
): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await send(bridge, channel, input, options?.signal);
  } catch (error) {
    throw toApiError(error, channel);
  }
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new ApiError('INTERNAL', 'The MediaDesk host sent an answer this window does not understand.', channel);
  }
  if (!result.ok) throw fromEnvelope(result.error.code, result.error.message, channel);
  // The main side validates outputs against the same contract (in dev and test), so no second parse here.
  return result.data as ChannelOutput<C>;
}

export function invoke<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<ChannelOutput<C>> {
  return invokeVia(getBridge(), channel, ...args);
}

/** Subscribes to a main → renderer push; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(event, (payload) => listener(payload as EventPayload<E>));
}
