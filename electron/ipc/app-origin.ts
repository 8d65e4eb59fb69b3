/**
 * The renderer is served from `app://renderer/…` (never file://). Everything that decides whether a
 * page is ours (IPC sender checks, navigation guards) compares against these.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs of our own renderer. `new URL().origin` is "null" for non-special schemes, so the
 * scheme and host are compared instead (never string prefixes: "app://renderer.evil" must fail).
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
