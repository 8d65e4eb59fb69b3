import type { Duplex } from 'node:stream';

export type Log = (message: string, error?: unknown) => void;

/**
 * Errors any peer can cause by hanging up (a reset while we answer, a write after it left). They say
 * nothing about the host, and logging each would let a page flood the log with a loop of resets.
 */
const PEER_HANGUPS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * A socket 'error' without a listener is thrown by Node and ends the process, so every socket the
 * host holds outside Node's HTTP machinery (upgrade sockets, refused or accepted) gets this listener
 * first: the socket is dropped, the host keeps running.
 */
export function guardSocket(socket: Duplex, log: Log): void {
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (!PEER_HANGUPS.has(error.code ?? '')) log('a connection to the web host failed', error);
    socket.destroy();
  });
}

/**
 * What Node itself answers to a request it could not parse, for the server's `clientError` event
 * (a listener replaces Node's default): 431 for headers over the limit, 408 for a request that took
 * too long, 400 otherwise; nothing to a peer that already hung up.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Answers a refused upgrade on the raw socket and closes it (the socket is already guarded). */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 503, reason: string): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status];
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}
