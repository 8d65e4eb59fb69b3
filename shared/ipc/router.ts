import { channels, events, type ChannelOutput, type EventPayload, type ParsedInput } from './contract';
import type { ChannelName, EventName } from './names';
import { AppError, fail, ok, type Result } from './result';
import { describeIssues } from './describe-issues';

/** Per-call facts the transport knows (which host, which client); handlers rarely need them. */
export interface CallContext {
  transport: 'electron' | 'web' | 'test';
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
      let output: unknown;
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        output = await handler(parsed.data, ctx);
      } catch (error) {
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
