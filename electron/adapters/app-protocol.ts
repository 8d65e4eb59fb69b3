import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { resolveRendererAsset } from '../services/static/renderer-assets';
import { RENDERER_SECURITY_HEADERS } from '../services/security/csp';
import { APP_HOST, APP_SCHEME } from '../ipc/app-origin';

/** Must run before the app is ready: app:// behaves like https (standard, secure, fetch, CORS). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS } });
}

/**
 * The handler behind app://renderer/…: files from the renderer build only, with the CSP header;
 * any other host, method or path is refused.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return refusal(403, 'Unknown app host.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed.');
    const asset = await resolveRendererAsset(rendererDir, url.pathname);
    if (!asset.ok) return refusal(asset.status, asset.reason);
    const body = request.method === 'HEAD' ? null : await readFile(asset.file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': asset.contentType, 'Content-Length': String(asset.size), ...RENDERER_SECURITY_HEADERS },
    });
  };
}

/** Serves app:// and shuts file:// entirely, so nothing can be loaded from disk by URL. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  protocol.handle('file', () => refusal(403, 'file:// is disabled in MediaDesk.'));
}
