import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from '../ipc/app-origin';
import { isAllowedExternalUrl } from './external-links';

/**
 * Every webContents the app ever creates: no navigation away from our renderer, no new windows
 * (allow-listed https links go to the OS browser instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The renderer needs no camera, microphone, notifications, geolocation…: every request is denied. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function installHardening(app: App, session: Session, shell: Pick<Shell, 'openExternal'>): void {
  denyAllPermissions(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
}
