import { describe, expect, it } from 'vitest';
import { EventHub } from '../../services/app/event-hub';
import { bindTaskbarProgress } from '../../adapters/taskbar-progress';

const counts = { queued: 0, waiting: 0, sending: 1, paused: 0, done: 0, failed: 0, skipped: 0, cancelled: 0, conflict: 0 };

function fakeWindow() {
  const calls: number[] = [];
  let destroyed = false;
  return { calls, destroy: () => (destroyed = true), isDestroyed: () => destroyed, setProgressBar: (p: number) => calls.push(p) };
}

describe('taskbar progress', () => {
  it('shows the fraction sent, then clears when the batch ends', () => {
    const hub = new EventHub(false);
    const win = fakeWindow();
    bindTaskbarProgress(hub, () => win);
    hub.emit('uploads.total', { profileId: 'local', total: { bytesSent: 25, totalBytes: 100, bytesPerSecond: 1, etaSeconds: 75, counts } } as never);
    hub.emit('uploads.total', { profileId: 'local', total: { bytesSent: 100, totalBytes: 100, bytesPerSecond: 1, etaSeconds: 0, counts } } as never);
    hub.emit('uploads.batchDone', { profileId: 'local', summary: {} } as never);
    expect(win.calls).toEqual([0.25, -1, -1]);
  });

  it('ignores other events and a closed window', () => {
    const hub = new EventHub(false);
    const win = fakeWindow();
    bindTaskbarProgress(hub, () => win);
    hub.emit('profiles.changed', []);
    win.destroy();
    hub.emit('uploads.batchDone', { profileId: 'local', summary: {} } as never);
    expect(win.calls).toEqual([]);
  });

  it('stops after unbinding', () => {
    const hub = new EventHub(false);
    const win = fakeWindow();
    const unbind = bindTaskbarProgress(hub, () => win);
    unbind();
    hub.emit('uploads.batchDone', { profileId: 'local', summary: {} } as never);
    expect(win.calls).toEqual([]);
  });
});
