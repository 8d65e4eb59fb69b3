import { channels, events, type ChannelOutput, type EventPayload, type ParsedInput } from './contract';
import type { ChannelName, EventName } from './names';
import { AppError, fail, ok, type Result } from './result';
import { describeIssues } from './describe-issues';

/**
 * The part of an AbortSignal the contract relies on (shared/ has neither DOM nor Node types; both
 * hosts pass a real AbortSignal, which fits this shape).
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Per-call facts the transport knows (which host, which client); handlers rarely need them. */
export interface CallContext {
  transport: 'electron' | 'web' | 'test';
  /** Aborted when the caller cancels the call; handlers pass it on to the requests they make. */
  signal?: CancelSignal;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

export interface RouterOptions {
  /** Validate handler output against the contract (dev and test); drift becomes INTERNAL. */
  validateOutput: boolean;
  /** Where unexpected failures are reported (they reach the caller only as a generic INTERNAL). */
  log: (message: string, error: unknown) => void;
}

export interface Router {
  dispatch(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

const hasOwn = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

const cancelledSignal = Symbol('cancelled');

/**
 * Settles with `work`, or rejects with `cancelledSignal` as soon as the call is cancelled: the caller
 * gets its CANCELLED answer at once even when a handler is slow to notice the abort (the late outcome
 * of the work is then dropped).
 */
function untilCancelled<T>(work: Promise<T>, signal: CancelSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledSignal);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const cancelled = (name: string) => fail('CANCELLED', `The ${name} call was cancelled before it finished.`);

/**
 * The one place requests are checked and answered. It never throws: every outcome, including a
 * handler's crash, becomes a Result envelope.
 */
export function createRouter(handlers: Partial<Handlers>, options: RouterOptions): Router {
  const { log } = options;
  return {
    async dispatch(channel, input, ctx) {
      if (typeof channel !== 'string') {
        // Never String() an unknown value: an object with a hostile toString would throw here.
        return fail('UNKNOWN_CHANNEL', `A channel name must be a string, not ${channel === null ? 'null' : typeof channel}.`);
      }
      if (!hasOwn(channels, channel)) {
        return fail('UNKNOWN_CHANNEL', `There is no channel named ${JSON.stringify(channel.slice(0, 120))}.`);
      }
      const name = channel as ChannelName;
      const spec = channels[name];
      // The app composes every handler (checked at start-up); a partial table is for tests and tools.
      if (!handlers[name]) return fail('UNKNOWN_CHANNEL', `The channel ${name} is not served here.`);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return fail('BAD_INPUT', describeIssues(parsed.error));
      if (ctx.signal?.aborted) return cancelled(name);
      let output: unknown;
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        output = await untilCancelled(Promise.resolve().then(() => handler(parsed.data, ctx)), ctx.signal);
      } catch (error) {
        // Whatever an aborted request threw (the SDK's abort error, a fetch AbortError) means the same.
        if (error === cancelledSignal || ctx.signal?.aborted) return cancelled(name);
        if (error instanceof AppError) return fail(error.code, error.message);
        log(`channel ${name} failed`, error);
        return fail('INTERNAL', `MediaDesk hit an unexpected problem while handling ${name}. Details are in the log.`);
      }
      if (options.validateOutput) {
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          log(`channel ${name} returned data outside its contract: ${describeIssues(checked.error)}`, output);
          return fail('INTERNAL', `MediaDesk returned data for ${name} that does not match its contract.`);
        }
        return ok(checked.data);
      }
      return ok(output);
    },
  };
}

/** Checks an event payload before it is pushed (dev and test), so drift shows up where it starts. */
export function checkEvent<E extends EventName>(event: E, payload: EventPayload<E>, validate: boolean): EventPayload<E> {
  if (!validate) return payload;
  const checked = events[event].safeParse(payload);
  if (!checked.success) throw new Error(`event ${event} payload is outside its contract: ${describeIssues(checked.error)}`);
  return checked.data as EventPayload<E>;
}
