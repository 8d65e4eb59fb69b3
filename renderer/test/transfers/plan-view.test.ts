import { describe, expect, it } from 'vitest';
import type { TransferPlan } from '../../src/api/transfers';
import { decisionFor, mergePlans, planNotReady, sendSummary, startRequests, undecidedCount, withRowChoice } from '../../src/features/transfers/plan-view';

type Row = TransferPlan['rows'][number];
const counts = (over: Partial<Record<Row['action'], number>> = {}) => ({ create: 0, replace: 0, 'keep-both': 0, skip: 0, 'update-fields': 0, conflict: 0, delete: 0, ...over });
const row = (relPath: string, action: Row['action'], bytes: number): Row => ({
  relPath,
  sourcePath: `/src/${relPath}`,
  targetPath: `/dst/${relPath}`,
  action,
  reason: action,
  bytes,
  uploads: action === 'skip' ? 0 : 1,
  choosable: action === 'conflict',
});

function plan(planId: string, rows: Row[], extra: Partial<TransferPlan> = {}): TransferPlan {
  const byAction = counts();
  const bytesByAction = counts();
  for (const r of rows) {
    byAction[r.action] += 1;
    bytesByAction[r.action] += r.bytes;
  }
  return {
    planId,
    createdAt: '2026-01-01T00:00:00.000Z',
    rows,
    rowsTruncated: false,
    folders: [],
    fieldsToCreate: [],
    blocked: [],
    notTransferable: [],
    totals: { files: rows.length, bytes: rows.reduce((s, r) => s + r.bytes, 0), byAction, bytesByAction },
    ...extra,
  };
}

describe('mergePlans', () => {
  it('adds rows and totals of one plan per selected file, without repeating fields or blocking reasons', () => {
    const field = { name: 'shoot', label: 'Shoot', type: 'Text' };
    const blocked = { field: 'rating', reason: 'rating is Number on the target' };
    const merged = mergePlans([
      plan('p1', [row('a.png', 'create', 100)], { fieldsToCreate: [field], blocked: [blocked] }),
      plan('p2', [row('b.png', 'conflict', 50)], { fieldsToCreate: [field], blocked: [blocked], notTransferable: [{ relPath: 'b.png', what: 'AI tags', detail: 'x' }] }),
    ]);
    expect(merged.rows.map((r) => r.relPath)).toEqual(['a.png', 'b.png']);
    expect(merged.files).toBe(2);
    expect(merged.bytes).toBe(150);
    expect(merged.byAction).toMatchObject({ create: 1, conflict: 1 });
    expect(merged.fieldsToCreate).toEqual([field]);
    expect(merged.blocked).toEqual([blocked]);
    expect(merged.notTransferable).toHaveLength(1);
  });
});

describe('conflict decisions', () => {
  const plans = [plan('p1', [row('a.png', 'create', 100), row('b.png', 'conflict', 40)]), plan('p2', [row('c.png', 'conflict', 60)])];
  const merged = mergePlans(plans);

  it('waits for a choice per file when the rule is to ask, and not when a rule decides', () => {
    expect(undecidedCount(merged, 'ask', {})).toBe(2);
    expect(undecidedCount(merged, 'ask', { 'b.png': 'skip' })).toBe(1);
    expect(undecidedCount(merged, 'ask', { 'b.png': 'skip', 'c.png': 'replace' })).toBe(0);
    expect(undecidedCount(merged, 'keep-both', {})).toBe(0);
  });

  it('counts conflicts the table does not show (past its limit) as undecided until a rule covers them', () => {
    const truncated = { ...merged, rows: merged.rows.slice(0, 2), rowsTruncated: true };
    expect(undecidedCount(truncated, 'ask', { 'b.png': 'replace' })).toBe(1);
    expect(undecidedCount(truncated, 'skip', { 'b.png': 'replace' })).toBe(0);
  });

  it('a row’s own choice wins over the rule; non-conflicts have no decision', () => {
    expect(decisionFor(merged.rows[1]!, 'skip', { 'b.png': 'replace' })).toBe('replace');
    expect(decisionFor(merged.rows[1]!, 'skip', {})).toBe('skip');
    expect(decisionFor(merged.rows[1]!, 'ask', {})).toBeNull();
    expect(decisionFor(merged.rows[0]!, 'replace', {})).toBeNull();
  });

  it('sends each plan only its own rows’ choices, and the rule unless it is to ask', () => {
    expect(startRequests(plans, 'ask', { 'b.png': 'skip', 'c.png': 'keep-both' })).toEqual([
      { planId: 'p1', perRow: { 'b.png': 'skip' } },
      { planId: 'p2', perRow: { 'c.png': 'keep-both' } },
    ]);
    expect(startRequests(plans, 'replace', {})).toEqual([
      { planId: 'p1', onConflict: 'replace' },
      { planId: 'p2', onConflict: 'replace' },
    ]);
  });

  it('counts what travels: the planned bytes, and conflicting files decided to replace or keep both', () => {
    expect(sendSummary(merged, 'ask', {})).toEqual({ bytes: 100, conflictsSent: 0 });
    expect(sendSummary(merged, 'skip', { 'c.png': 'keep-both' })).toEqual({ bytes: 100, conflictsSent: 1 });
    expect(sendSummary(merged, 'replace', {})).toEqual({ bytes: 100, conflictsSent: 2 });
    expect(sendSummary(merged, 'replace', { 'b.png': 'skip' })).toEqual({ bytes: 100, conflictsSent: 1 });
  });
});

describe('plan review helpers', () => {
  it('sets and clears one file’s choice without touching the others', () => {
    const rows = withRowChoice({ 'a.png': 'skip' }, 'b.png', 'replace');
    expect(rows).toEqual({ 'a.png': 'skip', 'b.png': 'replace' });
    expect(withRowChoice(rows, 'a.png', null)).toEqual({ 'b.png': 'replace' });
    expect(rows).toEqual({ 'a.png': 'skip', 'b.png': 'replace' });
  });

  it('says why a plan cannot start: blocked fields first, then undecided conflicts', () => {
    const open = mergePlans([plan('p', [row('a.png', 'conflict', 1)])]);
    const blocked = mergePlans([plan('p', [row('a.png', 'conflict', 1)], { blocked: [{ field: 'shoot', reason: 'type differs' }] })]);
    expect(planNotReady(blocked, 1)).toBe('Blocked by the custom metadata fields above.');
    expect(planNotReady(open, 1)).toBe('Choose for 1 conflicting file first.');
    expect(planNotReady(open, 1200)).toBe('Choose for 1,200 conflicting files first.');
    expect(planNotReady(open, 0)).toBeNull();
  });
});
