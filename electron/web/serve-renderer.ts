import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { resolveRendererAsset } from '../services/static/renderer-assets';
import type { Log } from './socket-guards';

function answerText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Answers a GET/HEAD for a file of the renderer build. Source maps are never served: they would hand
 * any local page the app's whole source, and the window does not need them. Every failure becomes an
 * answer (or a dropped connection), never an exception on the server.
 */
export function serveRendererFile(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string, log: Log): void {
  resolveRendererAsset(rendererDir, pathname).then(
    (asset) => {
      if (!asset.ok) {
        const hint = asset.status === 404 && pathname === '/' ? ' The renderer is not built: run `npm run build`.' : '';
        answerText(res, asset.status, `${asset.reason}.${hint}`);
        return;
      }
      // Checked on the resolved file, so `%2Emap` or `.MAP` (on a case-insensitive disk) cannot slip by.
      if (path.extname(asset.file).toLowerCase() === '.map') {
        answerText(res, 404, 'Source maps are not served.');
        return;
      }
      res.writeHead(200, {
        'Content-Type': asset.contentType,
        'Content-Length': asset.size,
        'Cache-Control': asset.file.endsWith('.html') ? 'no-store' : 'max-age=3600',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      pipeline(createReadStream(asset.file), res, (error) => {
        if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`could not send ${pathname}`, error);
      });
    },
    (error: unknown) => {
      log(`could not look up ${pathname}`, error);
      answerText(res, 500, 'The web host could not read its files.');
    },
  );
}
