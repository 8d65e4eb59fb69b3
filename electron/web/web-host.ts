import http from 'node:http';
import { createReadStream } from 'node:fs';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { resolveRendererAsset } from '../services/static/renderer-assets';
import { RENDERER_SECURITY_HEADERS } from '../services/security/csp';
import type { AppServices } from '../services/app/create-app-services';
import { checkUpgrade, hostIsAllowed } from './request-guards';
import { newToken } from './token';
import { serveSocket } from './ws-transport';

export interface WebHostOptions {
  services: Pick<AppServices, 'router' | 'events'>;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token (tests); default a fresh random one. */
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** The page to open: http://127.0.0.1:<port>/#token=<token> */
  url: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 16 * 1024 * 1024;

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

/**
 * Serves the built renderer and the contract (over WebSocket) on 127.0.0.1 only. For tests and for
 * machines where Electron cannot run; it exposes nothing beyond loopback.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = options.port;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostIsAllowed(req, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: this host only answers http://127.0.0.1.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed.');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void resolveRendererAsset(options.rendererDir, pathname).then((asset) => {
      if (!asset.ok) {
        const hint = asset.status === 404 && pathname === '/' ? ' The renderer is not built: run `npm run build`.' : '';
        res.writeHead(asset.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${asset.reason}.${hint}`);
        return;
      }
      res.writeHead(200, {
        'Content-Type': asset.contentType,
        'Content-Length': asset.size,
        'Cache-Control': asset.file.endsWith('.html') ? 'no-store' : 'max-age=3600',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(asset.file).pipe(res);
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
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
