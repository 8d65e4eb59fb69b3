import pLimit from 'p-limit';
import { fieldDifferences } from './fields';
import { joinLibrary, relFolder } from './paths';
import { checkSchemas } from './schema-check';
import type { SourceSnapshot, TargetSnapshot } from './snapshots';
import {
  emptyActionCounts,
  type ConflictRule,
  type NotTransferable,
  type PlanAction,
  type PlanRow,
  type PlanTotals,
  type SourceFile,
  type TargetFile,
  type TransferPlan,
  type TransferSpec,
} from './types';

/** Checksums of either side, downloading (and caching) when they are not known yet. */
export interface ChecksumResolver {
  source(file: SourceFile): Promise<string>;
  target(file: TargetFile): Promise<string>;
}

export interface PlanOptions {
  /** Parallel checksum downloads for same-size pairs (default 4). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

interface Decision {
  action: PlanAction;
  reason: string;
  /** The target holds other content (or another private flag): the conflict rule decides. */
  choosable: boolean;
}

/**
 * Compares the source with the target file at the same relative path and decides what the
 * transfer does with it. Content is compared by size first (a different size is a different
 * content, no download needed), then by SHA-256.
 */
async function decide(spec: TransferSpec, source: SourceFile, target: TargetFile | undefined, targetSnapshot: TargetSnapshot, checksums: ChecksumResolver): Promise<Decision> {
  if (!target) return { action: 'create', reason: 'new', choosable: false };
  let sameContent = source.current.size === target.size;
  if (sameContent) sameContent = (await checksums.source(source)) === (await checksums.target(target));
  if (sameContent) {
    const differences = fieldDifferences(source.current.fields, target.fields, targetSnapshot.defaults);
    if (differences.length === 0) return { action: 'skip', reason: 'same content and fields', choosable: false };
    // ImageKit has no API to make a file private or public after upload: only a new upload sets it.
    if (differences.includes('isPrivateFile')) return byRule(spec, 'same content; the private flag differs (only a new upload can change it)');
    return { action: 'update-fields', reason: `same content; ${differences.join(', ')} differ`, choosable: false };
  }
  return byRule(spec, 'content differs');
}

function byRule(spec: TransferSpec, reason: string): Decision {
  if (spec.mode === 'sync') return { action: 'replace', reason: `${reason} (sync keeps the target in step)`, choosable: true };
  return { action: spec.onConflict === 'ask' ? 'conflict' : spec.onConflict, reason, choosable: true };
}

function rowBytes(action: PlanAction, source: SourceFile | null): { bytes: number; uploads: number } {
  if (!source || (action !== 'create' && action !== 'replace' && action !== 'keep-both')) return { bytes: 0, uploads: 0 };
  const versions = [...source.older, source.current];
  return { bytes: versions.reduce((sum, v) => sum + v.size, 0), uploads: versions.length };
}

/**
 * The dry run: what a transfer would create, replace, keep beside, skip, update or delete, and
 * whether the target's custom metadata fields can hold the source's values. Writes nothing.
 */
export async function buildPlan(spec: TransferSpec, source: SourceSnapshot, target: TargetSnapshot, checksums: ChecksumResolver, options: PlanOptions = {}): Promise<TransferPlan> {
  const targetsByRel = new Map(target.files.map((f) => [f.relPath, f]));
  const limit = pLimit(options.concurrency ?? 4);
  let done = 0;
  const decisions = await Promise.all(
    source.files.map((file) =>
      limit(async () => {
        const decision = await decide(spec, file, targetsByRel.get(file.relPath), target, checksums);
        options.onProgress?.(++done, source.files.length);
        return decision;
      }),
    ),
  );
  const rows: PlanRow[] = source.files.map((file, i) => ({
    relPath: file.relPath,
    sourcePath: joinLibrary(source.root, file.relPath),
    targetPath: joinLibrary(target.root, file.relPath),
    ...decisions[i],
    ...rowBytes(decisions[i].action, file),
  }));
  if (spec.mode === 'sync' && spec.deleteExtraneous) {
    const inSource = new Set(source.files.map((f) => f.relPath));
    for (const file of target.files) {
      if (!inSource.has(file.relPath)) rows.push({ relPath: file.relPath, sourcePath: null, targetPath: file.filePath, action: 'delete', reason: 'absent from the source', bytes: 0, uploads: 0, choosable: false });
    }
  }
  const schema = checkSchemas(source.files, source.fields, target.fields, target.deletedFieldNames);
  const notTransferable: NotTransferable[] = source.files
    .filter((f) => f.aiTags.length > 0)
    .map((f) => ({
      relPath: f.relPath,
      what: 'AI tags',
      detail: `${f.aiTags.join(', ')}: AI tags come from ImageKit's auto-tagging extensions and cannot be written through the API; run the extension on the target to get them again.`,
    }));
  const targetFolders = new Set(target.folders);
  const neededFolders = new Set(source.folders);
  for (const file of source.files) for (let f = relFolder(file.relPath); f; f = relFolder(f)) neededFolders.add(f);
  const folders = [...neededFolders].filter((f) => !targetFolders.has(f)).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));

  const totals = planTotals(rows);
  return {
    spec,
    createdAt: new Date().toISOString(),
    rows,
    folders,
    fieldsToCreate: schema.fieldsToCreate,
    blocked: schema.blocked,
    notTransferable,
    totals,
    targetFieldDefaults: target.defaults,
    sources: source.files,
    targets: target.files,
  };
}

export function planTotals(rows: PlanRow[]): PlanTotals {
  const totals: PlanTotals = { files: rows.length, bytes: 0, byAction: emptyActionCounts(), bytesByAction: emptyActionCounts() };
  for (const row of rows) {
    totals.byAction[row.action] += 1;
    totals.bytesByAction[row.action] += row.bytes;
    totals.bytes += row.bytes;
  }
  return totals;
}

/**
 * Applies the person's choices to the rows where the target holds other content (per row, else
 * the general rule); rows without such a choice stay as planned.
 */
export function resolveConflicts(plan: TransferPlan, rule: ConflictRule | undefined, perRow: Record<string, ConflictRule> = {}): TransferPlan {
  const sourceByRel = new Map(plan.sources.map((s) => [s.relPath, s]));
  const rows = plan.rows.map((row) => {
    if (!row.choosable) return row;
    const choice = perRow[row.relPath] ?? rule;
    if (!choice) return row;
    return { ...row, action: choice, ...rowBytes(choice, sourceByRel.get(row.relPath) ?? null) };
  });
  return { ...plan, rows, totals: planTotals(rows) };
}
