import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@imagekit/nodejs';
import type { ConnectionState } from '../../../shared/domain/connection';
import { errorMessage } from '../../../shared/error-message';

export interface FailureDescription {
  state: Exclude<ConnectionState, 'connected' | 'unknown' | 'checking'>;
  message: string;
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA']);
const refusedCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET']);
const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Every `code` along an error's cause chain (fetch wraps the socket error a few levels down). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function deepestMessage(error: unknown): string {
  let message = errorMessage(error);
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

const isTlsCode = (code: string) => code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|EPROTO/.test(code);

/**
 * Turns whatever the SDK threw during a connection check into one sentence a person can act on.
 * `host` is the API host that was called, so the message names it.
 */
export function describeFailure(error: unknown, host: string, timeoutMs: number): FailureDescription {
  if (error instanceof APIConnectionTimeoutError) {
    return { state: 'unreachable', message: `Unreachable: ${host} did not answer within ${duration(timeoutMs)}.` };
  }
  if (error instanceof APIConnectionError) {
    const codes = causeCodes(error);
    if (codes.some((c) => dnsCodes.has(c))) {
      return { state: 'unreachable', message: `Unreachable: ${host} could not be found (DNS). Check the URL endpoint and your network.` };
    }
    if (codes.some(isTlsCode)) {
      return { state: 'unreachable', message: `Unreachable: the secure connection (TLS) to ${host} failed: ${deepestMessage(error)}.` };
    }
    if (codes.some((c) => timeoutCodes.has(c))) {
      return { state: 'unreachable', message: `Unreachable: ${host} did not answer within ${duration(timeoutMs)}.` };
    }
    if (codes.some((c) => refusedCodes.has(c))) {
      return { state: 'unreachable', message: `Unreachable: ${host} refused the connection. Is the server running?` };
    }
    return { state: 'unreachable', message: `Unreachable: could not connect to ${host} (${deepestMessage(error)}).` };
  }
  if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
    return {
      state: 'key_rejected',
      message: `Key rejected: ImageKit did not accept this private key (HTTP ${error.status}). Copy it again from the ImageKit dashboard (Developer options).`,
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const detail = (error.error as { message?: unknown } | undefined)?.message;
    return {
      state: 'error',
      message: `ImageKit answered HTTP ${error.status}${typeof detail === 'string' && detail ? `: ${detail}` : ''}. Try again later.`,
    };
  }
  return { state: 'error', message: `The connection check failed: ${deepestMessage(error)}.` };
}
