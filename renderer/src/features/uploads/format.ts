import type { ItemState, StateCounts } from '../../../../shared/domain/uploads';

import { formatBytes } from '../../app/format-bytes';

export { formatBytes };

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s left`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min left`;
}

export const stateWords: Record<ItemState, string> = {
  receiving: 'Reading',
  pending: 'Checking',
  conflict: 'Already exists',
  queued: 'Waiting',
  uploading: 'Uploading',
  paused: 'Paused',
  done: 'Uploaded',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "5 uploaded, 1 failed, 2 skipped" for the end-of-batch notification. */
export function summarize(counts: Partial<StateCounts>): string {
  const parts: string[] = [];
  const add = (n: number | undefined, words: string) => n && parts.push(`${n} ${words}`);
  add(counts.done, 'uploaded');
  add(counts.failed, 'failed');
  add(counts.skipped, 'skipped');
  add(counts.cancelled, 'cancelled');
  return parts.join(', ') || 'nothing uploaded';
}
