import { TransportError } from './ws-bridge';
import { errorMessage } from '../../../shared/error-message';

/**
 * Every failure the renderer sees is an ApiError: either an error envelope from the main side
 * (code from the contract) or 'TRANSPORT' when the host itself could not be reached.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly channel: string,
  ) {
    super(message);
  }
}

/** Words for a code whose envelope came without a usable message. */
const fallbackWords: Record<string, string> = {
  BAD_INPUT: 'Some of the values are not valid.',
  UNKNOWN_CHANNEL: 'This version of the app and its host do not match. Restart MediaDesk.',
  NOT_FOUND: 'That item no longer exists.',
  KEY_REJECTED: 'Key rejected: ImageKit did not accept the public and private key pair.',
  UNREACHABLE: 'Unreachable: could not reach the URL endpoint.',
  KEYCHAIN_UNAVAILABLE: 'The system keychain is not available, so the private key cannot be stored.',
  INTERNAL: 'Something went wrong inside MediaDesk.',
  TRANSPORT: 'Lost the connection to the MediaDesk host.',
};

export function toApiError(error: unknown, channel: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TransportError) return new ApiError('TRANSPORT', error.message, channel);
  const message = errorMessage(error);
  return new ApiError('TRANSPORT', message || fallbackWords.TRANSPORT, channel);
}

export function fromEnvelope(code: string, message: string, channel: string): ApiError {
  const words = message.trim() || fallbackWords[code] || `The request failed (${code}).`;
  return new ApiError(code, words, channel);
}

/** One sentence for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
