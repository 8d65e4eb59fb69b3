import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from '../../ipc/sender-validation';
import { isAppUrl } from '../../ipc/app-origin';
import { appWindowContents, frame, FakeWebContents, type FakeFrame } from '../helpers/fake-web-contents';

function eventFrom(contents: FakeWebContents, senderFrame: FakeFrame | null): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
  return { sender: contents.asWebContents(), senderFrame: senderFrame as unknown as IpcMainInvokeEvent['senderFrame'] };
}

describe('IPC sender validation', () => {
  it('accepts the main frame of our window showing our renderer', () => {
    const win = appWindowContents();
    expect(isTrustedSender(eventFrom(win, win.mainFrame), win.asWebContents())).toBe(true);
  });

  it('refuses a subframe of our window, even one on our origin', () => {
    const win = appWindowContents();
    const child = frame('app://renderer/index.html', win.mainFrame);
    expect(isTrustedSender(eventFrom(win, child), win.asWebContents())).toBe(false);
  });

  it('refuses another webContents (a second window, a devtools page)', () => {
    const ours = appWindowContents();
    const other = appWindowContents();
    expect(isTrustedSender(eventFrom(other, other.mainFrame), ours.asWebContents())).toBe(false);
  });

  it.each([
    'https://evil.example/index.html',
    'file:///etc/passwd',
    'app://renderer.evil/index.html',
    'app://other/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'app://user:pw@renderer/index.html',
  ])('refuses our window after it navigated to %s', (url) => {
    const win = new FakeWebContents(frame(url));
    expect(isTrustedSender(eventFrom(win, win.mainFrame), win.asWebContents())).toBe(false);
  });

  it('refuses a frame that is gone (senderFrame null) and a destroyed window', () => {
    const win = appWindowContents();
    expect(isTrustedSender(eventFrom(win, null), win.asWebContents())).toBe(false);
    win.destroyed = true;
    expect(isTrustedSender(eventFrom(win, win.mainFrame), win.asWebContents())).toBe(false);
  });

  it('refuses everything while no window is trusted', () => {
    const win = appWindowContents();
    expect(isTrustedSender(eventFrom(win, win.mainFrame), null)).toBe(false);
  });

  it('refuses a top-level frame that is not the window main frame (ids differ)', () => {
    const win = appWindowContents();
    const impostor = frame('app://renderer/index.html', null, 99);
    expect(isTrustedSender(eventFrom(win, impostor), win.asWebContents())).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('compares scheme and host exactly, not by prefix', () => {
    expect(isAppUrl('app://renderer/assets/index.js')).toBe(true);
    expect(isAppUrl('app://renderer')).toBe(true);
    expect(isAppUrl('app://rendererx/')).toBe(false);
    expect(isAppUrl('apps://renderer/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
