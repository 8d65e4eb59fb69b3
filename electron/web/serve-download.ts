import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Router } from '../../shared/ipc/router';
import { tokenMatches } from './token';
import type { Log } from './socket-guards';

/** The path of the web host's download of a file's original (same origin as the page). */
export const DOWNLOAD_PATH = '/downloads/original';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const UPSTREAM_TIMEOUT_MS = 60_000;

interface FileAnswer {
  name: string;
  url: string;
  filePath: string;
  isPrivateFile?: boolean | null;
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

async function call<T>(router: Pick<Router, 'dispatch'>, channel: string, input: unknown): Promise<T> {
  const result = await router.dispatch(channel, input, { transport: 'web' });
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.data as T;
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * `GET /downloads/original?token=…&profile=…&file=…`: the original of one file as an attachment, from
 * this origin, so the page can start one download per selected file with `<a download>` (a navigation
 * to another origin for each file would cancel the one before it, and the page may not fetch other
 * origins). The token is the run's own (as on /ws); the file is looked up through the contract, private
 * files through a URL signed on this side, and only the profile's own delivery host is ever fetched.
 */
export async function serveOriginalDownload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: { token: string; router: Pick<Router, 'dispatch'>; log: Log },
): Promise<void> {
  if (!tokenMatches(deps.token, url.searchParams.get('token'))) return answer(res, 401, 'Open MediaDesk through the link the web host printed.');
  const profileId = url.searchParams.get('profile') ?? '';
  const fileId = url.searchParams.get('file') ?? '';
  if (!ID.test(profileId) || !ID.test(fileId)) return answer(res, 400, 'Name a profile and a file by their ids.');
  try {
    const profiles = await call<Array<{ id: string; urlEndpoint: string }>>(deps.router, 'profiles.list', undefined);
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) return answer(res, 404, 'That profile does not exist.');
    const file = await call<FileAnswer>(deps.router, 'library.file', { profileId, fileId });
    let source = file.url;
    if (file.isPrivateFile) {
      const signed = await call<{ items: Array<{ url: string }> }>(deps.router, 'library.signedUrls', { profileId, items: [{ filePath: file.filePath }] });
      source = signed.items[0]?.url ?? '';
    }
    if (!URL.canParse(source) || new URL(source).origin !== new URL(profile.urlEndpoint).origin) {
      return answer(res, 502, 'The file is not served from this profile’s URL endpoint, so it is not fetched here.');
    }
    const upstream = await fetch(source, { redirect: 'error', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    if (!upstream.ok || !upstream.body) return answer(res, 502, `The URL endpoint answered HTTP ${upstream.status} for ${file.name}.`);
    res.writeHead(200, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      ...(upstream.headers.get('content-length') ? { 'Content-Length': upstream.headers.get('content-length')! } : {}),
      'Content-Disposition': attachmentHeader(file.name),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      await upstream.body.cancel();
      return;
    }
    await pipeline(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream), res);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NOT_FOUND') return answer(res, 404, 'That file no longer exists.');
    if (code === 'BAD_INPUT') return answer(res, 400, (error as Error).message);
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') deps.log('could not serve a download', error);
    answer(res, 502, 'The original could not be fetched from the URL endpoint.');
  }
}
