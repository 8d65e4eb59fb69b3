import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HELP } from './errors.js';

/**
 * Failures that happen before a route exists to answer them: Node's HTTP parser refusing a request
 * (headers over its 16 KB limit, a malformed request line, a timeout) and the router refusing a path
 * it cannot decode. Each answers in ImageKit's error shape instead of Node's or Fastify's, and none can
 * end the process: every socket has an error listener, and a refused connection is closed, not thrown.
 */

function parserRefusal(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, message: 'Your request headers are larger than 16 KB. Send fewer or shorter headers (large values belong in the body).' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'Your request was not sent in time. Send the request again.' };
  return { status: 400, message: 'Your request is not valid HTTP/1.1 and could not be read.' };
}

/** Fastify's `clientErrorHandler`: Node's `clientError` event, with the socket of the refused request. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // No one left to answer: the connection was reset or closed, or the client ended its side in the
  // middle of a request (e.g. it stopped sending an upload body after its 401 arrived).
  if (err.code === 'ECONNRESET' || err.code === 'HPE_INVALID_EOF_STATE' || socket.destroyed) {
    socket.destroy();
    return;
  }
  const { status, message } = parserRefusal(err.code);
  const body = JSON.stringify({ message, help: HELP });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Fastify's `frameworkErrors`: the router refused the path (malformed percent-encoding such as
 * `%E0%A4%A`, or a parameter over its length limit) before any hook or route ran.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = (request.raw.url ?? '').split('?')[0];
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? `Your request path "${shown}" contains malformed percent-encoding. Encode "%" itself as %25 and each other byte as %XX.`
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'Your request path has a segment that is too long.'
        : 'Your request could not be routed.';
  void reply
    .code(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400)
    .header('x-ik-requestId', request.id)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ message, help: HELP }));
}

/**
 * Node's HTTP server listens for errors on the sockets it parses, but a socket can outlive that (an
 * upgraded or hijacked connection, a reset during a long response). An error event without a listener
 * is an uncaught exception, so every connection gets one of its own: the connection is simply gone.
 */
export function guardSockets(server: Server): void {
  server.on('connection', (socket) => {
    socket.on('error', () => socket.destroy());
  });
}
