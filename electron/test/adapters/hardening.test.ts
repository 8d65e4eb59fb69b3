import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { denyAllPermissions, hardenWebContents, installHardening } from '../../adapters/hardening';
import { isAllowedExternalUrl } from '../../adapters/external-links';
import { appWindowContents } from '../helpers/fake-web-contents';

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

describe('web contents hardening', () => {
  it('lets the renderer navigate within app:// only', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const contents = appWindowContents();
    hardenWebContents(contents.asWebContents(), shell);
    const inside = navigationEvent();
    contents.emit('will-navigate', inside, 'app://renderer/index.html#/files');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const outside = navigationEvent();
    contents.emit('will-navigate', outside, 'https://evil.example/');
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('turns a navigation to an allow-listed site into the OS browser, not the app window', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const contents = appWindowContents();
    hardenWebContents(contents.asWebContents(), shell);
    const event = navigationEvent();
    contents.emit('will-navigate', event, 'https://docs.imagekit.io/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.imagekit.io/');
  });

  it('denies every new window, opening only allow-listed https links externally', () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const contents = appWindowContents();
    hardenWebContents(contents.asWebContents(), shell);
    expect(contents.windowOpenHandler?.({ url: 'https://imagekit.io/dashboard' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://imagekit.io/dashboard']]);
  });

  it('blocks webviews and redirects away from the app', () => {
    const contents = appWindowContents();
    hardenWebContents(contents.asWebContents(), { openExternal: vi.fn() });
    const attach = navigationEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    installHardening(app as unknown as App, session as unknown as Session, { openExternal: vi.fn() });
    const contents = appWindowContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as unknown as Session);
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0][0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.setPermissionCheckHandler.mock.calls[0][0]({}, 'media', 'app://renderer', {})).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0][0]({})).toBe(false);
  });
});

describe('external link allow-list', () => {
  it.each([
    ['https://docs.imagekit.io/api-reference', true],
    ['https://imagekit.io/dashboard', true],
    ['https://status.imagekit.io', true],
    ['http://imagekit.io/', false],
    ['https://imagekit.io.evil.example/', false],
    ['https://user@imagekit.io/', false],
    ['https://imagekit.io:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
