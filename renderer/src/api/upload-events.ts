import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BatchSummary, FileProgress, TotalProgress, UploadItem } from '../../../shared/domain/uploads';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { subscribe } from './client';
import { libraryKeys } from './library';
import { editingKeys } from './editing';

type Snapshot = ChannelOutput<'uploads.list'>;

/** Query keys of the uploads area, per profile. */
export const uploadKeys = {
  snapshot: (profileId: string) => ['uploads', profileId, 'snapshot'] as const,
  progress: (profileId: string) => ['uploads', profileId, 'progress'] as const,
  defaults: (profileId: string) => ['uploads', profileId, 'defaults'] as const,
  fields: (profileId: string) => ['uploads', profileId, 'fields'] as const,
};

/** How long after a file lands the grid is refreshed (files landing together cause one refresh). */
const LIBRARY_REFRESH_MS = 400;
/**
 * While files keep landing, the library is refreshed at most this often: each refresh lists the open folders
 * again on ImageKit and re-renders the grid, work that otherwise competes with the uploads for the machine.
 * The batch's end always refreshes after LIBRARY_REFRESH_MS.
 */
const LIBRARY_REFRESH_EVERY_MS = 2_000;
/**
 * Pushes arriving within this long are applied to the cache together. A batch moves each file through four or
 * five states (and queueing 500 files pushes 500 items at once): one cache write, and so one render of the
 * upload list, per push kept the page busy enough to slow the uploads themselves.
 */
export const PUSH_FLUSH_MS = 150;

/** Pushes of one profile not yet in the cache: the latest of each item, of each file's progress, and the totals. */
interface Held {
  items: Map<number, UploadItem>;
  progress: Map<number, FileProgress>;
  total?: TotalProgress;
}

/** The held items written into the snapshot in one step: known items replaced in place, new ones appended in order. */
export function mergeItems(old: Snapshot, held: Iterable<UploadItem>): Snapshot {
  const at = new Map(old.items.map((it, i) => [it.id, i]));
  const items = old.items.slice();
  for (const item of held) {
    const i = at.get(item.id);
    if (i === undefined) {
      at.set(item.id, items.length);
      items.push(item);
    } else items[i] = item;
  }
  return { ...old, items };
}

/** Progress with the held entries, leaving out files that are no longer uploading (their bytes count as done or not at all). */
export function mergeProgress(old: Record<number, FileProgress> | undefined, held: Held): Record<number, FileProgress> | undefined {
  if (held.progress.size === 0 && ![...held.items.values()].some((it) => it.state !== 'uploading' && old?.[it.id])) return old;
  const next = { ...old };
  for (const [id, p] of held.progress) next[id] = p;
  for (const it of held.items.values()) if (it.state !== 'uploading') delete next[it.id];
  return next;
}

function apply(client: QueryClient, profileId: string, held: Held): void {
  if (held.items.size) client.setQueryData<Snapshot>(uploadKeys.snapshot(profileId), (old) => (old ? mergeItems(old, held.items.values()) : old));
  client.setQueryData<Record<number, FileProgress>>(uploadKeys.progress(profileId), (old) => mergeProgress(old, held));
  const total = held.total;
  if (total) client.setQueryData<Snapshot>(uploadKeys.snapshot(profileId), (old) => (old ? { ...old, totals: total } : old));
}

/**
 * Feeds the uploads pushes into the query cache (gathered for PUSH_FLUSH_MS, then written together) and refreshes
 * the library as files land. Mount once (the uploads overlay does); `onBatchDone` hears when a batch has its
 * final states, after every push before it is in the cache.
 */
export function useUploadEvents(onBatchDone: (profileId: string, summary: BatchSummary) => void): void {
  const client = useQueryClient();
  const onDone = useRef(onBatchDone);
  onDone.current = onBatchDone;
  useEffect(() => {
    const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const lastRefresh = new Map<string, number>();
    const refreshLibrary = (profileId: string, batchEnded = false) => {
      if (batchEnded) clearTimeout(refreshTimers.get(profileId));
      else if (refreshTimers.has(profileId)) return;
      const sinceLast = Date.now() - (lastRefresh.get(profileId) ?? 0);
      const wait = batchEnded ? LIBRARY_REFRESH_MS : Math.max(LIBRARY_REFRESH_MS, LIBRARY_REFRESH_EVERY_MS - sinceLast);
      refreshTimers.set(
        profileId,
        setTimeout(() => {
          refreshTimers.delete(profileId);
          lastRefresh.set(profileId, Date.now());
          void client.invalidateQueries({ queryKey: libraryKeys.profile(profileId) });
          // Uploads bring tags (autocomplete) and new versions of overwritten files.
          void client.invalidateQueries({ queryKey: editingKeys.profile(profileId) });
        }, wait),
      );
    };
    const held = new Map<string, Held>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      for (const [profileId, h] of held) {
        apply(client, profileId, h);
        if ([...h.items.values()].some((it) => it.state === 'done')) refreshLibrary(profileId);
      }
      held.clear();
    };
    const hold = (profileId: string): Held => {
      let h = held.get(profileId);
      if (!h) held.set(profileId, (h = { items: new Map(), progress: new Map() }));
      flushTimer ??= setTimeout(flush, PUSH_FLUSH_MS);
      return h;
    };
    const offs = [
      subscribe('uploads.item', ({ profileId, item }) => {
        const h = hold(profileId);
        h.items.set(item.id, item);
        // Progress held from before this state change no longer applies once the file left `uploading`.
        if (item.state !== 'uploading') h.progress.delete(item.id);
      }),
      subscribe('uploads.progress', ({ profileId, progress }) => {
        const h = hold(profileId);
        for (const p of progress) h.progress.set(p.itemId, p);
      }),
      subscribe('uploads.total', ({ profileId, total }) => {
        hold(profileId).total = total;
      }),
      subscribe('uploads.batchDone', ({ profileId, summary }) => {
        flush();
        refreshLibrary(profileId, true);
        onDone.current(profileId, summary);
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      clearTimeout(flushTimer);
      refreshTimers.forEach((t) => clearTimeout(t));
    };
  }, [client]);
}
