import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../src/api/transport';
import { createSignedUrlBatcher, SIGNED_URL_BATCH_MS } from '../../src/api/library-signed-urls';
import { createLibraryHost, type LibraryHost } from '../browser/library-host';

let host: LibraryHost;
const signCalls = () => host.calls.filter((c) => c.channel === 'library.signedUrls').map((c) => (c.input as { items: { filePath: string }[] }).items.map((i) => i.filePath));

beforeEach(() => {
  vi.useFakeTimers();
  host = createLibraryHost([]);
  setBridgeForTests(host.bridge);
});
afterEach(() => {
  setBridgeForTests(undefined);
  vi.useRealTimers();
  expect(host.problems).toEqual([]);
});

describe('the signed-URL batcher', () => {
  it('sends the requests of one window in one call and answers each with its own URL', async () => {
    const sign = createSignedUrlBatcher();
    const a = sign('local', { filePath: '/a.png', transformation: 'w-100' });
    await vi.advanceTimersByTimeAsync(SIGNED_URL_BATCH_MS - 5);
    const b = sign('local', { filePath: '/b.png' });
    const c = sign('local', { filePath: '/c.png' });
    expect(signCalls()).toEqual([]);
    await vi.advanceTimersByTimeAsync(5);
    expect(await Promise.all([a, b, c])).toEqual([expect.stringMatching(/\/a\.png\?tr=w-100&ik-t=9999&ik-s=signed$/), expect.stringContaining('/b.png?'), expect.stringContaining('/c.png?')]);
    expect(signCalls()).toEqual([['/a.png', '/b.png', '/c.png']]);
  });

  it('opens a new window for a request that comes after the last one was sent', async () => {
    const sign = createSignedUrlBatcher();
    const first = sign('local', { filePath: '/a.png' });
    await vi.advanceTimersByTimeAsync(SIGNED_URL_BATCH_MS);
    await first;
    const second = sign('local', { filePath: '/b.png' });
    await vi.advanceTimersByTimeAsync(SIGNED_URL_BATCH_MS);
    await second;
    expect(signCalls()).toEqual([['/a.png'], ['/b.png']]);
  });

  it('keeps each profile to its own call and splits a window over the channel limit of 500', async () => {
    const sign = createSignedUrlBatcher();
    const many = Array.from({ length: 501 }, (_, i) => sign('local', { filePath: `/f${i}.png` }));
    const other = sign('acct', { filePath: '/x.png' });
    await vi.advanceTimersByTimeAsync(SIGNED_URL_BATCH_MS);
    await Promise.all([...many, other]);
    const calls = host.calls
      .filter((c) => c.channel === 'library.signedUrls')
      .map((c) => c.input as { profileId: string; items: unknown[] })
      .map((input) => `${input.profileId} × ${input.items.length}`);
    expect(calls.sort()).toEqual(['acct × 1', 'local × 1', 'local × 500']);
  });
});
