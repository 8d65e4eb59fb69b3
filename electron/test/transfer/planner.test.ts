import { describe, expect, it } from 'vitest';
import { buildPlan, resolveConflicts, type ChecksumResolver } from '../../services/transfer/planner';
import { checkSchemas } from '../../services/transfer/schema-check';
import type { SourceSnapshot, TargetSnapshot } from '../../services/transfer/snapshots';
import type { SourceFile, TargetFile, TransferFields, TransferSpec } from '../../services/transfer/types';

/** The plan's decisions on hand-made snapshots: what each combination of source and target becomes. */
const fields = (over: Partial<TransferFields> = {}): TransferFields => ({ tags: [], customMetadata: {}, customCoordinates: null, description: null, isPrivateFile: false, isPublished: true, ...over });

function source(relPath: string, size: number, checksum: string, over: Partial<TransferFields> = {}, aiTags: string[] = []): SourceFile {
  return {
    relPath,
    current: { versionKey: `v-${relPath}`, size, checksum, fields: fields(over), origin: { kind: 'library', profileId: 'a', fileId: `f-${relPath}`, versionId: `v-${relPath}`, filePath: `/src/${relPath}`, isCurrent: true, isPrivateFile: over.isPrivateFile ?? false, updatedAt: null } },
    older: [],
    aiTags,
  };
}

function target(relPath: string, size: number, over: Partial<TransferFields> = {}): TargetFile {
  return { relPath, fileId: `t-${relPath}`, versionId: `tv-${relPath}`, filePath: `/dst/${relPath}`, size, fields: fields(over), isPrivateFile: over.isPrivateFile ?? false, updatedAt: null };
}

const spec = (over: Partial<TransferSpec> = {}): TransferSpec => ({ source: { kind: 'library', profileId: 'a', path: '/src' }, target: { profileId: 'b', path: '/dst' }, mode: 'copy', versions: false, deleteExtraneous: false, onConflict: 'ask', ...over });

function snapshots(sources: SourceFile[], targets: TargetFile[], targetChecksums: Record<string, string>): { src: SourceSnapshot; dst: TargetSnapshot; checksums: ChecksumResolver; downloads: string[] } {
  const downloads: string[] = [];
  return {
    src: { root: '/src', files: sources, folders: [], fields: [] },
    dst: { root: '/dst', files: targets, folders: [], fields: [], deletedFieldNames: new Set(), defaults: { rating: 0 } },
    downloads,
    checksums: {
      source: async (f) => f.current.checksum ?? '',
      target: async (f) => {
        downloads.push(f.relPath);
        return targetChecksums[f.relPath] ?? '';
      },
    },
  };
}

describe('transfer plan', () => {
  it('creates, skips, updates fields, flags conflicts, and only downloads same-size pairs', async () => {
    const s = snapshots(
      [source('new.png', 10, 'n'), source('same.png', 20, 's'), source('retag.png', 30, 'r', { tags: ['x'] }), source('bigger.png', 40, 'b'), source('edited.png', 50, 'e1')],
      [target('same.png', 20, { customMetadata: { rating: 0 } }), target('retag.png', 30), target('bigger.png', 41), target('edited.png', 50)],
      { 'same.png': 's', 'retag.png': 'r', 'edited.png': 'e2' },
    );
    const plan = await buildPlan(spec(), s.src, s.dst, s.checksums);
    expect(Object.fromEntries(plan.rows.map((r) => [r.relPath, r.action]))).toEqual({ 'new.png': 'create', 'same.png': 'skip', 'retag.png': 'update-fields', 'bigger.png': 'conflict', 'edited.png': 'conflict' });
    // A differing size decides without reading the bytes; a default value at the target is no difference.
    expect(s.downloads.sort()).toEqual(['edited.png', 'retag.png', 'same.png']);
    expect(plan.totals.byAction).toMatchObject({ create: 1, skip: 1, 'update-fields': 1, conflict: 2 });

    const chosen = resolveConflicts(plan, 'skip', { 'edited.png': 'replace' });
    expect(chosen.rows.find((r) => r.relPath === 'edited.png')).toMatchObject({ action: 'replace', bytes: 50, uploads: 1 });
    expect(chosen.rows.find((r) => r.relPath === 'bigger.png')).toMatchObject({ action: 'skip', bytes: 0 });
    expect(chosen.rows.find((r) => r.relPath === 'same.png')?.action).toBe('skip');
    expect(chosen.totals.byAction.conflict).toBe(0);
  });

  it('syncs changed content as replace, deletes extras only when asked, and re-uploads a changed private flag', async () => {
    const s = snapshots([source('a.png', 10, 'a2'), source('p.png', 5, 'p', { isPrivateFile: true })], [target('a.png', 10), target('p.png', 5), target('extra.png', 1)], { 'a.png': 'a1', 'p.png': 'p' });
    const keep = await buildPlan(spec({ mode: 'sync', onConflict: 'replace' }), s.src, s.dst, s.checksums);
    expect(keep.rows.map((r) => [r.relPath, r.action])).toEqual([
      ['a.png', 'replace'],
      ['p.png', 'replace'],
    ]);
    expect(keep.rows[1].reason).toContain('only a new upload can change it');
    const withDelete = await buildPlan(spec({ mode: 'sync', onConflict: 'replace', deleteExtraneous: true }), s.src, s.dst, s.checksums);
    expect(withDelete.rows.find((r) => r.relPath === 'extra.png')).toMatchObject({ action: 'delete', sourcePath: null, targetPath: '/dst/extra.png' });
  });

  it('reports AI tags as not transferable', async () => {
    const s = snapshots([source('ai.png', 10, 'x', {}, ['Dog', 'Beach'])], [], {});
    const plan = await buildPlan(spec(), s.src, s.dst, s.checksums);
    expect(plan.notTransferable).toEqual([{ relPath: 'ai.png', what: 'AI tags', detail: expect.stringContaining('Dog, Beach') }]);
  });
});

describe('custom metadata schema check', () => {
  const used = [source('a.png', 1, 'a', { customMetadata: { size: 'XL', count: 12, mood: 'calm', gone: 'x', label2: 'y' } })];
  const src = [
    { id: '1', name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'XL'] } },
    { id: '2', name: 'count', label: 'Count', schema: { type: 'Number' } },
    { id: '3', name: 'mood', label: 'Mood', schema: { type: 'Text' } },
    { id: '4', name: 'gone', label: 'Gone', schema: { type: 'Text' } },
    { id: '5', name: 'label2', label: 'Taken', schema: { type: 'Text' } },
  ];
  const dst = [
    { id: 'a', name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'M'] } },
    { id: 'b', name: 'count', label: 'Count', schema: { type: 'Number', maxValue: 10 } },
    { id: 'c', name: 'other', label: 'Taken', schema: { type: 'Text' } },
  ];

  it('creates missing fields and blocks on values the target cannot hold, deleted names and taken labels', () => {
    const check = checkSchemas(used, src, dst, new Set(['gone']));
    expect(check.fieldsToCreate.map((f) => f.name)).toEqual(['mood']);
    const reasons = Object.fromEntries(check.blocked.map((b) => [b.field, b.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['count', 'gone', 'label2', 'size']);
    expect(reasons.size).toContain('"XL"');
    expect(reasons.count).toContain('less than or equal to 10');
    expect(reasons.gone).toContain('deleted');
    expect(reasons.label2).toContain('label "Taken"');
  });
});
