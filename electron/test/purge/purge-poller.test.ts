import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type ImageKit from '@imagekit/nodejs';
import { afterEach, describe, expect, it } from 'vitest';
import { openPurgeDb, type PurgeDb } from '../../services/purge/purge-db';
import { PurgeStore } from '../../services/purge/purge-store';
import { PurgePoller } from '../../services/purge/purge-poller';
import { waitFor } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/**
 * The poller's pacing against a status source the test controls (ImageKit's real timing cannot be
 * reproduced by the emulator, which completes purges at once).
 */
async function setup(statusOf: (ikId: string) => 'Pending' | 'Completed') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-poller-'));
  const db: PurgeDb = openPurgeDb(dir);
  const store = new PurgeStore(db, 'local');
  const asked: string[] = [];
  const client = { cache: { invalidation: { get: async (id: string) => (asked.push(id), { status: statusOf(id) }) } } } as unknown as ImageKit;
  const changed: string[] = [];
  const rounds = { count: 0 };
  const poller = new PurgePoller({ store, client: async () => (rounds.count++, client), delaysMs: [5, 10], onChanged: (id) => changed.push(id), log: () => undefined, now: () => new Date() });
  cleanups.push(async () => {
    poller.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
  const send = (ids: string[]) => {
    const requestId = store.createRequest(ids.map((id) => `https://ik.imagekit.io/demo/${id}.jpg`), null, new Date());
    ids.forEach((id, position) => store.markSent(requestId, position, id, new Date(Date.now() + position)));
    return requestId;
  };
  return { store, poller, asked, changed, send, rounds };
}

describe('purge status polling', () => {
  it('stops a round at the first URL still pending, so waiting costs one call per round', async () => {
    const { store, poller, asked, send, rounds } = await setup(() => 'Pending');
    const id = send(['a', 'b', 'c']);
    poller.kick();
    await waitFor(() => asked.length >= 6);
    poller.close();
    // One call per round (a round may have begun without asking yet), rotating past the pending answer.
    expect(rounds.count - asked.length).toBeLessThanOrEqual(1);
    expect(asked.slice(0, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    const again = new PurgePoller({ store, client: async () => ({ cache: { invalidation: { get: async () => ({ status: 'Completed' }) } } }) as unknown as ImageKit, delaysMs: [5], onChanged: () => undefined, log: () => undefined, now: () => new Date() });
    cleanups.unshift(async () => again.close());
    again.kick();
    await waitFor(() => store.request(id)?.state === 'completed');
  });

  it('does not let one slow purge hide the others that completed', async () => {
    const { store, poller, send } = await setup((ikId) => (ikId === 'stuck' ? 'Pending' : 'Completed'));
    const id = send(['stuck', 'x', 'y']);
    poller.kick();
    await waitFor(() => store.request(id)!.urls.filter((u) => u.state === 'completed').length === 2);
    expect(store.request(id)!.urls.map((u) => u.state)).toEqual(['pending', 'completed', 'completed']);
    expect(store.request(id)!.state).toBe('pending');
  });
});
