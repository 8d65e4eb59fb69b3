import type { ChannelInput, ChannelOutput, EventPayload } from '../../../shared/ipc/contract';
import type { ChannelName, EventName } from '../../../shared/ipc/names';
import type { ApiBridge } from '../../../shared/ipc/wire';
import { ApiError, fromEnvelope, toApiError } from './errors';
import { getBridge } from './transport';

/** Channels whose input may be left out (`NoInput`) take no second argument. */
type InputArgs<C extends ChannelName> = undefined extends ChannelInput<C>
  ? [input?: ChannelInput<C>]
  : [input: ChannelInput<C>];

/**
 * Calls a contract channel and unwraps its envelope: resolves with the typed output, or rejects
 * with an ApiError carrying the contract's error code (or 'TRANSPORT' when the host is gone).
 */
export async function invokeVia<C extends ChannelName>(
  bridge: ApiBridge,
  channel: C,
  ...[input]: InputArgs<C>
): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await bridge.invoke(channel, input);
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
