import http from 'node:http';
import { WebSocketServer } from 'ws';
import { RENDERER_SECURITY_HEADERS } from '../services/security/csp';
import type { AppServices } from '../services/app/create-app-services';
import { checkUpgrade, hostIsAllowed, requestTarget } from './request-guards';
import { answerClientError, guardSocket, refuseUpgrade, type Log } from './socket-guards';
import { serveRendererFile } from './serve-renderer';
import { DOWNLOAD_PATH, serveOriginalDownload } from './serve-download';
import { serveUpload, UPLOAD_PATH } from './upload-endpoint';
import { newToken } from './token';
import { serveSocket } from './ws-transport';

export interface WebHostOptions {
  services: Pick<AppServices, 'router' | 'events' | 'stagedIntake'>;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token (tests); default a fresh random one. */
  token?: string;
  log?: Log;
}

export interface WebHost {
  port: number;
  token: string;
  /** The page to open: http://127.0.0.1:<port>/#token=<token> */
  url: string;
  close(): Promise<void>;
}

/**
 * The largest frame the contract needs is an upload chunk: 4 MiB of bytes as base64 (5.6 MB) in its
 * envelope; a bulk edit of 10,000 files stays below 16 MiB too. A bigger frame closes that one
 * connection with 1009 (Message Too Big) before it is buffered.
 */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/**
 * Serves the built renderer, the contract (over WebSocket) and the bytes of files the page uploads (HTTP PUT,
 * upload-endpoint.ts) on 127.0.0.1 only. For tests and for machines where Electron cannot run; it exposes
 * nothing beyond loopback.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const log: Log = options.log ?? ((message, error) => console.error(`[mediadesk] ${message}`, error ?? ''));
  let port = options.port;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostIsAllowed(req, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: this host only answers http://127.0.0.1.');
      return;
    }
    const target = requestTarget(req);
    if (target?.pathname === UPLOAD_PATH) {
      serveUpload(req, res, target, { port, token, intake: options.services.stagedIntake, log });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed.');
      return;
    }
    if (!target) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request: the target must be a path such as /index.html.');
      return;
    }
    if (target.pathname === DOWNLOAD_PATH) {
      void serveOriginalDownload(req, res, target, { token, router: options.services.router, log });
      return;
    }
    serveRendererFile(req, res, options.rendererDir, target.pathname, log);
  });
  // Unparsable requests and headers over Node's 16 KB limit: a short HTTP error, then the socket closes.
  server.on('clientError', answerClientError);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (error) => log('the WebSocket server failed', error));
  server.on('upgrade', (req, socket, head) => {
    // Node hands an upgrade socket over without any 'error' listener: a reset would end the process.
    guardSocket(socket, log);
    const verdict = checkUpgrade(req, port, token);
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.services.router, options.services.events));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  server.removeAllListeners('error');
  // After listening, 'error' means a failed accept (e.g. out of file descriptors under a flood): log, keep serving.
  server.on('error', (error) => log('the web host could not accept a connection', error));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
