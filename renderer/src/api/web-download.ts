import { takeToken } from './transport';

/**
 * Where the web host serves a file's original from the page's own origin (electron/web/serve-download.ts),
 * or null in the desktop app, which saves downloads itself. Same-origin links honour `download`, so
 * several of them start several downloads; a link to the delivery host would navigate instead, and each
 * navigation would cancel the one before it.
 */
export function webDownloadHref(profileId: string, fileId: string): string | null {
  if (window.api) return null;
  const token = takeToken();
  if (!token) return null;
  return `/downloads/original?${new URLSearchParams({ token, profile: profileId, file: fileId }).toString()}`;
}
