import { describe, expect, it } from 'vitest';
import type { UploadItem, UploadSource } from '../../../shared/domain/uploads';
import { FIRST_PART, LATER_PART, parts, sendOrder } from '../../src/api/add-in-parts';
import { mergeItems, mergeProgress } from '../../src/api/upload-events';

const incoming = (name: string): UploadSource => ({ kind: 'incoming', relativePath: `album/${name}`, size: 1 });

describe('queueing a selection in parts', () => {
  it('sends first the first file the look-alike check does not hold, only when the check would hold the first', () => {
    const sources = ['a.jpg', 'b.PNG', 'c.bin', 'd.jpg', 'e.txt'].map(incoming);
    expect(sendOrder(sources, true)).toEqual([2, 0, 1, 3, 4]);
    expect(sendOrder(sources, false)).toEqual([0, 1, 2, 3, 4]);
    expect(sendOrder(['x.bin', 'a.jpg'].map(incoming), true)).toEqual([0, 1]);
    // Only images: nothing to put first.
    expect(sendOrder(['a.jpg', 'b.webp'].map(incoming), true)).toEqual([0, 1]);
  });

  it('cuts a small first part, then larger ones, keeping every file once and in order', () => {
    const order = Array.from({ length: FIRST_PART + LATER_PART + 3 }, (_, i) => i);
    const cut = parts(order);
    expect(cut.map((p) => p.length)).toEqual([FIRST_PART, LATER_PART, 3]);
    expect(cut.flat()).toEqual(order);
    expect(parts([0, 1])).toEqual([[0, 1]]);
  });
});

describe('pushes gathered before they reach the cache', () => {
  const item = (id: number, state: UploadItem['state']): UploadItem => ({
    id,
    batchId: 1,
    sourceKind: 'file',
    sourceLabel: `f${id}`,
    folder: '/',
    fileName: `f${id}`,
    targetName: `f${id}`,
    size: 10,
    state,
    conflictChoice: null,
    attempts: 0,
    errorMessage: null,
    errorHelp: null,
    result: null,
    lookalike: null,
  });
  const totals = { bytesSent: 0, totalBytes: 0, bytesPerSecond: 0, etaSeconds: null, counts: {} } as never;

  it('replace known items in place and append new ones in the order they came', () => {
    const old = { items: [item(1, 'pending'), item(2, 'pending')], totals, concurrency: 4 };
    const merged = mergeItems(old, [item(3, 'receiving'), item(1, 'uploading'), item(4, 'receiving')]);
    expect(merged.items.map((it) => [it.id, it.state])).toEqual([
      [1, 'uploading'],
      [2, 'pending'],
      [3, 'receiving'],
      [4, 'receiving'],
    ]);
    expect(old.items[0]!.state).toBe('pending'); // the cached snapshot is not changed in place
  });

  it('drop the progress of a file that left uploading, even when its last progress came with it', () => {
    const p = (itemId: number, bytesSent: number) => ({ itemId, batchId: 1, bytesSent, totalBytes: 10, bytesPerSecond: 1, etaSeconds: 1 });
    const held = { items: new Map([[1, item(1, 'done')]]), progress: new Map([[1, p(1, 10)], [2, p(2, 5)]]) };
    expect(mergeProgress({ 1: p(1, 4), 3: p(3, 1) }, held)).toEqual({ 2: p(2, 5), 3: p(3, 1) });
    const old = { 3: p(3, 1) };
    expect(mergeProgress(old, { items: new Map(), progress: new Map() })).toBe(old);
  });
});
