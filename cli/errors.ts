import { APIConnectionError, APIError } from '@imagekit/nodejs';
import { AppError, type ErrorCode } from '../shared/ipc/result';
import { toAppError } from '../electron/services/imagekit/to-app-error';
import { KeychainUnavailableError } from '../electron/services/secrets/secret-store';
import { ManifestError } from '../electron/services/transfer/manifest';
import { BadPathError } from '../electron/services/transfer/paths';
import { TransferRequestError } from '../electron/services/transfer/transfer-service';
import { errorMessage } from '../shared/error-message';

/**
 * Exit codes of `mediadesk` (also in cli/README.md and `mediadesk --help`). Codes 2–7 mean nothing
 * was changed; 8 means the work ran and the report says which files did not make it.
 */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug); the message says what was being done. */
  internal: 1,
  /** Bad input: unknown command/option/profile, a malformed path, URL or search query. */
  usage: 2,
  /** A library path, file or job that does not exist. */
  notFound: 3,
  /** The keys: rejected by ImageKit, missing, or no keychain to read them from. */
  auth: 4,
  /** The server could not be reached, or kept failing / rate-limiting after retries. */
  unreachable: 5,
  /** Files exist at the target with other content: choose --on-conflict. */
  conflict: 6,
  /** The target's custom metadata fields cannot hold the source's values. */
  blocked: 7,
  /** Finished, but some files failed or did not verify (see the report). */
  partial: 8,
  /** Another MediaDesk process is running this job. */
  busy: 9,
  /** Interrupted (Ctrl-C): a transfer is paused and resumes when the same command runs again. */
  interrupted: 130,
} as const;

export const EXIT_CODE_HELP = `Exit codes:
  0  done
  1  unexpected failure (a bug)
  2  bad input: unknown command, option or profile, malformed path, URL or query (nothing changed)
  3  not found: the library path, file or job does not exist (nothing changed)
  4  keys: rejected by ImageKit, not saved, or no system keychain (nothing changed)
  5  unreachable: network failure, or the server kept failing after retries
  6  conflicts: files exist at the target with other content; choose --on-conflict (nothing changed)
  7  blocked: the target's custom metadata fields cannot hold the source's values (nothing changed)
  8  partly done: some files failed or did not verify; see the report
  9  busy: another MediaDesk process is running this transfer job
130  interrupted: the transfer is paused; run the same command again to resume`;

/** A person's mistake in the command line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure with a chosen exit code and message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
  ) {
    super(message);
  }
}

const BY_APP_CODE: Record<ErrorCode, number> = {
  BAD_INPUT: EXIT.usage,
  UNKNOWN_CHANNEL: EXIT.internal,
  NOT_FOUND: EXIT.notFound,
  NOT_ALLOWED: EXIT.usage,
  KEY_REJECTED: EXIT.auth,
  UNREACHABLE: EXIT.unreachable,
  KEYCHAIN_UNAVAILABLE: EXIT.auth,
  IMAGEKIT_REJECTED: EXIT.usage,
  CONFLICT: EXIT.conflict,
  RATE_LIMITED: EXIT.unreachable,
  // A cancelled call is one the command line stopped itself (Ctrl-C).
  CANCELLED: EXIT.interrupted,
  INTERNAL: EXIT.internal,
};

/** Any failure → the exit code, a stable code for --json and a message a person can act on. */
export function describeError(error: unknown, action = 'finish the command'): { exitCode: number; code: string; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, code: error.code, message: error.message };
  if (error instanceof UsageError || error instanceof BadPathError || error instanceof ManifestError) return { exitCode: EXIT.usage, code: 'BAD_INPUT', message: error.message };
  if (error instanceof TransferRequestError) {
    const exitCode = { 'bad-path': EXIT.usage, blocked: EXIT.blocked, conflicts: EXIT.conflict, busy: EXIT.busy, 'not-found': EXIT.notFound }[error.kind];
    return { exitCode, code: error.kind.toUpperCase().replace('-', '_'), message: error.message };
  }
  if (error instanceof KeychainUnavailableError) return { exitCode: EXIT.auth, code: 'KEYCHAIN_UNAVAILABLE', message: `${error.message} On Linux, install and unlock GNOME Keyring or KWallet.` };
  if (error instanceof AppError || error instanceof APIError || error instanceof APIConnectionError) {
    const app = toAppError(error, action);
    return { exitCode: BY_APP_CODE[app.code], code: app.code, message: app.message };
  }
  const message = errorMessage(error);
  return { exitCode: EXIT.internal, code: 'INTERNAL', message: `Could not ${action}: ${message}` };
}
