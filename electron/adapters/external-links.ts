/**
 * Links the app may hand to the OS browser: https only, and only ImageKit's own sites (docs,
 * dashboard, status) and the project's pages. Anything else is simply not opened.
 */
const allowedHosts = new Set(['imagekit.io', 'docs.imagekit.io', 'status.imagekit.io', 'github.com']);

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
    const host = url.hostname.toLowerCase();
    return allowedHosts.has(host) || host.endsWith('.imagekit.io');
  } catch {
    return false;
  }
}
