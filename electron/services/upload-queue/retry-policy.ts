import { APIConnectionError, APIError, APIUserAbortError } from '@imagekit/nodejs';
import { errorMessage } from '../../../shared/error-message';

export interface RetryOptions {
  /** Attempts per operation including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 30_000 };

export type FailureKind =
  /** 429: the request was refused before processing; wait and resend. */
  | 'rate-limited'
  /** 5xx / network: the server may or may not have stored the file; reconcile before resending. */
  | 'transient'
  /** 4xx other than 429: resending the same request cannot succeed. */
  | 'final'
  | 'aborted';

export interface ClassifiedFailure {
  kind: FailureKind;
  status: number | null;
  message: string;
  /** What the user can do about it (shown next to the server's message). */
  help: string;
  /** Server-requested wait (X-RateLimit-Reset / Retry-After), in ms. */
  waitMs: number | null;
}

/**
 * Server-requested wait. ImageKit sends X-RateLimit-* on every response, so `X-RateLimit-Reset` (ms until the
 * window resets, reference §1) only means "wait" on a 429; Retry-After(-ms) counts for any status.
 */
function headerMs(headers: Headers | undefined, rateLimited: boolean): number | null {
  if (!headers) return null;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (rateLimited && Number.isFinite(reset) && reset > 0) return reset;
  const retryAfterMs = Number(headers.get('retry-after-ms'));
  if (Number.isFinite(retryAfterMs) && retryAfterMs > 0) return retryAfterMs;
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return null;
}

function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string' && body.message) return body.message;
  return err.message;
}

/** Advice for final errors, keyed by status, refined by the server's message where it is specific. */
export function adviceFor(status: number, message: string): string {
  const m = message.toLowerCase();
  if (m.includes('already exists')) return 'Choose "Replace" or "Keep both" for this file, or rename it, then retry.';
  if (m.includes('size exceeds') || m.includes('too large') || status === 413)
    return 'The file is larger than your plan allows; compress or split it, or upgrade the plan.';
  if (m.includes('upload limit') || m.includes('storage')) return 'Your account has reached its upload or storage limit; free space or upgrade the plan.';
  if (m.includes('metadata')) return 'Fix the custom metadata values (they must match the fields defined in the account), then retry.';
  if (m.includes('transformation')) return 'Fix or remove the pre/post transformation for this file type, then retry.';
  if (m.includes('extension')) return 'Remove the extension or check your extension quota, then retry.';
  if (status === 401) return 'The private API key is missing or wrong: check the profile\'s credentials.';
  if (status === 403) return 'The account refused the upload (key expired, account disabled or limit exceeded): check the ImageKit dashboard.';
  if (status === 404) return 'The target was not found: check the folder and the profile\'s endpoint.';
  return 'Correct the request (file name, folder or options) and retry this item.';
}

export function classifyFailure(err: unknown): ClassifiedFailure {
  if (err instanceof APIUserAbortError || (err instanceof Error && err.name === 'AbortError')) {
    return { kind: 'aborted', status: null, message: 'Aborted.', help: '', waitMs: null };
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const message = serverMessage(err);
    if (status === 429) return { kind: 'rate-limited', status, message, help: 'Waiting for the rate limit to reset.', waitMs: headerMs(err.headers, true) };
    if (status >= 500 || status === 408) return { kind: 'transient', status, message, help: 'Server error; retrying.', waitMs: headerMs(err.headers, false) };
    return { kind: 'final', status, message, help: adviceFor(status, message), waitMs: null };
  }
  if (err instanceof APIConnectionError || (err instanceof Error && /ECONN|EPIPE|socket|network|ETIMEDOUT|EAI_AGAIN/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`))) {
    return { kind: 'transient', status: null, message: errorMessage(err), help: 'Network error; retrying.', waitMs: null };
  }
  const message = errorMessage(err);
  return { kind: 'final', status: null, message, help: 'Unexpected error; check the file is readable and retry.', waitMs: null };
}

/** Exponential backoff with full jitter; never shorter than what the server asked for. */
export function backoffDelay(attempt: number, opts: RetryOptions, serverWaitMs: number | null, random = Math.random): number {
  const exp = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  if (serverWaitMs === null) return Math.round(jittered);
  // A little jitter on top of the server's reset so parallel workers do not stampede together.
  return Math.round(serverWaitMs + random() * Math.min(opts.baseDelayMs, serverWaitMs / 4 + 1));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs a library call (list etc.) with the same retry rules as uploads. Aborts and final errors throw. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const f = classifyFailure(err);
      if (f.kind === 'final' || f.kind === 'aborted' || attempt >= opts.maxAttempts) throw err;
      await sleep(backoffDelay(attempt, opts, f.waitMs), signal);
    }
  }
}
