import { APIConnectionError, APIError } from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/index';
import { describeFailure } from '../connection/describe-failure';
import { errorMessage } from '../../../shared/error-message';

/** ImageKit's own message from an error body (`{ message, help, reason? }`), if it sent one. */
function imageKitMessage(error: APIError): string | undefined {
  const body = error.error as { message?: unknown; reason?: unknown } | undefined;
  return typeof body?.message === 'string' && body.message ? body.message : undefined;
}

/**
 * Turns whatever an SDK call threw into the contract's typed error, with ImageKit's own words and
 * what to do next. Feature services wrap their SDK calls with this so nothing crosses as INTERNAL
 * when ImageKit simply said no.
 */
export function toAppError(error: unknown, action: string, host = 'ImageKit', timeoutMs = 30_000): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof APIConnectionError) {
    return new AppError('UNREACHABLE', `Could not ${action}: ${describeFailure(error, host, timeoutMs).message}`);
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const said = imageKitMessage(error);
    if (error.status === 401 || error.status === 403) {
      return new AppError('KEY_REJECTED', `Could not ${action}: ${describeFailure(error, host, timeoutMs).message}`);
    }
    if (error.status === 404) return new AppError('NOT_FOUND', `Could not ${action}: ${said ?? 'it no longer exists.'} Refresh and try again.`);
    if (error.status === 409) return new AppError('CONFLICT', `Could not ${action}: ${said ?? 'the target already exists.'}`);
    if (error.status === 429) {
      const reset = error.headers?.get?.('x-ratelimit-reset');
      const wait = reset ? ` Try again in ${Math.ceil(Number(reset) / 1000)} s.` : ' Try again in a minute.';
      return new AppError('RATE_LIMITED', `Could not ${action}: ImageKit's rate limit was reached.${wait}`);
    }
    if (error.status >= 400 && error.status < 500) {
      return new AppError('IMAGEKIT_REJECTED', `Could not ${action}: ${said ?? `ImageKit refused the request (HTTP ${error.status}).`}`);
    }
    return new AppError('UNREACHABLE', `Could not ${action}: ImageKit answered HTTP ${error.status}${said ? ` (${said})` : ''}. Try again later.`);
  }
  const message = errorMessage(error);
  return new AppError('INTERNAL', `Could not ${action}: ${message}`);
}
