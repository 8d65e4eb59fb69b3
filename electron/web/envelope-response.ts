import type { ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../shared/ipc/index';

/** HTTP status of a contract error code on the web host's own routes. */
export const STATUS: Partial<Record<ErrorCode, number>> = { BAD_INPUT: 400, NOT_FOUND: 404, NOT_ALLOWED: 403, CONFLICT: 409 };

/**
 * Answers an HTTP route of the web host in the contract's envelope. A refusal closes the connection, so a
 * body the route did not read is not taken in; an answer after the headers went out (a stream broken
 * mid-way) destroys the response rather than ending it like a complete one.
 */
export function answer(res: ServerResponse, status: number, result: Result<unknown>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (status >= 400) headers.Connection = 'close';
  res.writeHead(status, headers).end(JSON.stringify(result));
}

export function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  answer(res, status, { ok: false, error: { code, message } });
}
