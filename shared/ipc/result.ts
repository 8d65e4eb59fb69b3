import { z } from 'zod';

/**
 * Every call across the boundary (Electron IPC or the web host's WebSocket) answers with this
 * envelope; nothing is ever thrown across. Codes are stable: the renderer maps them to words.
 */
export const errorCodes = [
  'BAD_INPUT', // the input failed the channel's schema; message says which field and why
  'UNKNOWN_CHANNEL', // no such channel in this build of the contract
  'NOT_FOUND', // the item named in the input does not exist (e.g. a deleted profile)
  'NOT_ALLOWED', // the action is refused by a rule (e.g. deleting the Local library)
  'KEY_REJECTED', // ImageKit answered 401/403 to the profile's keys
  'UNREACHABLE', // DNS, TLS, timeout, refused: the endpoint could not be reached
  'KEYCHAIN_UNAVAILABLE', // no OS keychain; the UI may offer to keep the key for this run only
  'IMAGEKIT_REJECTED', // ImageKit refused the request (a 4xx); message carries ImageKit's own words and what to do
  'CONFLICT', // the target already exists (e.g. rename onto an existing name)
  'RATE_LIMITED', // ImageKit's rate limit; retried automatically where safe, message says when to try again
  'CANCELLED', // the caller cancelled the call (a superseded search or preview); its main-side work was stopped
  'INTERNAL', // a bug or an unexpected failure; the message is safe to show, details are logged
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) }),
]);

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Thrown by handlers and services to produce a specific error envelope. The router turns it into
 * `{ ok: false, error: { code, message } }`; any other thrown value becomes INTERNAL.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
