import path from 'node:path';
import { stat } from 'node:fs/promises';
import mime from 'mime-types';

export type AssetLookup =
  | { ok: true; file: string; contentType: string; size: number }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a request path to a file inside the renderer build, and refuses everything else: paths that
 * escape the directory (`..`, encoded or not), NUL bytes, backslashes, dotfiles, directories. Used by
 * the Electron app:// protocol and by the web host alike.
 */
export async function resolveRendererAsset(rendererDir: string, requestPath: string): Promise<AssetLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0].split('#')[0]);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character in path' };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..' || part.startsWith('.'))) {
    return { ok: false, status: 403, reason: 'path outside the renderer build' };
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, status: 403, reason: 'path outside the renderer build' };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, status: 404, reason: 'not a file' };
    return { ok: true, file, contentType: mime.contentType(path.extname(file)) || 'application/octet-stream', size: info.size };
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
}
