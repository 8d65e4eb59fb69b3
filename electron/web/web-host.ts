import http from 'node:http';
import { WebSocketServer } from 'ws';
import { RENDERER_SECURITY_HEADERS } from '../services/security/csp';
import type { AppServices } from '../services/app/create-app-services';
import { checkUpgrade, hostIsAllowed, requestTarget } from './request-guards';
import { answerClientError, guardSocket, refuseUpgrade, type Log } from './socket-guards';
import { serveRendererFile } from './serve-renderer';
import { DOWNLOAD_PATH, serveOriginalDownload } from './serve-download';
import { UPLOAD_PATH } from './upload-path';
import { BACKUP_ZIP_PATH, RESTORE_ZIP_PATH } from './archive-path';
import { newToken } from './token';
import { serveSocket } from './ws-transport';

type HostServices = Pick<AppServices, 'router' | 'events' | 'stagedIntake'> & Partial<Pick<AppServices, 'transferArchives'>>;

export interface WebHostOptions {
  /**
   * The services behind the contract. A promise lets the host listen, and the page load, while they
   * start: WebSocket upgrades, uploads and downloads wait for them (and fail with 503 if they cannot start).
   */
  services: HostServices | Promise<HostServices>;
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
  const services = Promise.resolve(options.services);
  // A start failure is answered per request below and reported by whoever started the services.
  services.catch(() => undefined);
  const answer = (res: http.ServerResponse, status: number, text: string) => {
    if (res.headersSent) res.destroy();
    else res.writeHead(status, { 'Content-Type': 'text/plain' }).end(text);
  };
  /** Runs `use` once the services are up; until then the request waits, and a failed start answers 503. */
  const withServices = (res: http.ServerResponse, use: (ready: HostServices) => unknown) =>
    void services.then(
      (ready) =>
        Promise.resolve()
          .then(() => use(ready))
          .catch((error: unknown) => {
            log('a request failed inside the web host', error);
            answer(res, 500, 'The request failed inside MediaDesk.');
          }),
      () => answer(res, 503, 'MediaDesk could not start; see the terminal it runs in.'),
    );
  // The upload endpoint needs the contract's schemas: loaded on the first upload, not before the host listens.
  let uploadEndpoint: Promise<typeof import('./upload-endpoint')> | undefined;
  // Likewise the backup .zip routes (and the zip libraries): loaded on their first use.
  let archiveEndpoints: Promise<typeof import('./archive-endpoints')> | undefined;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostIsAllowed(req, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: this host only answers http://127.0.0.1.');
      return;
    }
    const target = requestTarget(req);
    if (target?.pathname === UPLOAD_PATH) {
      withServices(res, async (ready) => {
        const { serveUpload } = await (uploadEndpoint ??= import('./upload-endpoint'));
        serveUpload(req, res, target, { port, token, intake: ready.stagedIntake, log });
      });
      return;
    }
    if (target?.pathname === BACKUP_ZIP_PATH || target?.pathname === RESTORE_ZIP_PATH) {
      withServices(res, async (ready) => {
        const endpoints = await (archiveEndpoints ??= import('./archive-endpoints'));
        if (target.pathname === RESTORE_ZIP_PATH) endpoints.serveRestoreZip(req, res, { port, token, archives: ready.transferArchives, log });
        else await endpoints.serveBackupZip(req, res, target, { token, archives: ready.transferArchives, log });
      });
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
      withServices(res, (ready) => serveOriginalDownload(req, res, target, { token, router: ready.router, log }));
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
    // The page connects as soon as it has loaded; while the services start, its upgrade waits here.
    services.then(
      (ready) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, ready.router, ready.events));
      },
      () => refuseUpgrade(socket, 503, 'MediaDesk could not start'),
    );
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
